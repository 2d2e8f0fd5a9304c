"""marshmallow schemas: the shape of each form's input, with no I/O and no dates of today."""
