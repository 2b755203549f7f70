"""The 班级管理 tab of a period's window: staff, 班委 and groups, 结业考核 and 学风督查 records."""
