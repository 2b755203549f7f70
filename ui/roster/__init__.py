"""The roster window of a period and its dialogs: adding, replacing, editing trainees, seats per unit."""
