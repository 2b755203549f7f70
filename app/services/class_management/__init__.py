"""Class management (跟班管理、学风): a period's 班主任 and 跟班人员 and its 学风督查 records (staff), the trainees'
班委 and study groups (committee), each trainee's 结业考核 and the rule that a trainee who failed is marked 结业
only with a reason (assessment), and the office's 学员守则 printed with the roster (rules)."""
