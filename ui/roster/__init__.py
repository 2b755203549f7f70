"""The roster window of a period and its dialogs: adding, replacing, editing trainees, seats per unit,
attendance and close-out, and opening a period from anywhere."""
