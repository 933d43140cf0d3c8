"""Codes the engine itself reports, listed with the rules so that they can be
explained, selected and ignored like any other."""

from __future__ import annotations

from linter.issues import Message
from linter.rule import Rule


class UnreadableFile(Rule):
    code = "E001"
    name = "unreadable-file"
    severity = "error"
    summary = Message("文件无法读取或解码", "The file cannot be read or decoded")
    description = Message(
        "文件不存在、是目录、是二进制内容或编码无法识别时报告，其他文件照常检查。",
        "Reported when a path does not exist, is a directory, holds binary data or "
        "uses an encoding that cannot be detected; the other files are still linted.",
    )


class EmptyFile(Rule):
    code = "E002"
    name = "empty-file"
    severity = "error"
    summary = Message("文件没有任何文本", "The file holds no text")
    description = Message(
        "空文件或只有空白的文件无法作为公开文本，可能是导出失败。",
        "An empty or whitespace-only file cannot be a disclosure; the export probably failed.",
    )


class FileTooLarge(Rule):
    code = "E003"
    name = "file-too-large"
    severity = "warning"
    summary = Message("文件超过大小上限，未检查", "The file is over the size limit and was not checked")
    description = Message(
        "超过大小上限（默认 50 MB，可用 --max-file-size 或配置项 max-file-size 调整）的文件不读取、不检查，"
        "以免一个误放的大文件拖垮整个检查。",
        "A file over the size limit (50 MB unless --max-file-size or the max-file-size setting "
        "says otherwise) is neither read nor checked, so that one stray huge file cannot stall a run.",
    )


class InternalError(Rule):
    code = "X001"
    name = "internal-error"
    severity = "error"
    summary = Message("规则运行出错", "A rule crashed")
    description = Message(
        "某条规则在检查此文件时出错；报告中写明规则与错误，其他规则照常运行。请反馈给规则作者。",
        "A rule raised an exception on this file; the issue names the rule and the error, "
        "and the other rules still ran. Please report it to the rule's author.",
    )


class PluginFailure(Rule):
    code = "X002"
    name = "plugin-error"
    severity = "error"
    summary = Message("插件出错，此文件未检查", "A plugin failed and the file was not checked")
    description = Message(
        "插件提供的读取器在读取此文件时出错；报告中写明插件与错误，其他文件照常检查。请反馈给插件作者。",
        "A plugin's reader raised an exception on this file; the issue names the plugin and the error, "
        "and the other files are still linted. Please report it to the plugin's author.",
    )


CORE_RULES = (UnreadableFile(), EmptyFile(), FileTooLarge(), InternalError(), PluginFailure())
