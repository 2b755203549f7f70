"""The 经费 tab of a period's window, its dialogs, the 登记收费 of the roster, and the year's funds overview."""
