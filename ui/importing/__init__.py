"""导入名单: the import wizard (file, columns, units, preview, finish) and the 名称规范化 dialog."""
