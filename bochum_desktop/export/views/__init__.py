"""Qt screens of the output layer: letter template settings and the Excel import dialog."""
