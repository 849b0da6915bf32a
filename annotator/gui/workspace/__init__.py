"""The main annotation window and the widgets it is built from."""
