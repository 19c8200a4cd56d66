"""Qt shell: main window, navigation, start page, search, settings, common widgets and table models."""
