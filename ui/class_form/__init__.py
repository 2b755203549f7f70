"""The class form: a dialog with the tabs 基本信息, 期次, 课程与学时, 联系人."""
