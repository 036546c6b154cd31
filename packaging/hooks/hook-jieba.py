"""Replaces pyinstaller-hooks-contrib's jieba hook (hooks here take precedence): the same data
files without jieba's Paddle model (lac_small, 12 MB, used only by jieba.enable_paddle) and
without the pickled HMM tables (*.p, read only on Jython; CPython imports the .py versions)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("jieba", excludes=["lac_small", "**/*.p"])
