"""Prints PyYAML's composed node tree of a YAML file as JSON.

An independent reading for logcheck's tests: PyYAML is a separate YAML implementation (YAML 1.1
resolver); the test accounts for the YAML 1.1 / 1.2 differences.
"""
import json
import sys

import yaml


def convert(node):
    if isinstance(node, yaml.MappingNode):
        return {"map": [[convert(k), convert(v)] for k, v in node.value]}
    if isinstance(node, yaml.SequenceNode):
        return {"seq": [convert(v) for v in node.value]}
    return {"tag": node.tag.rsplit(":", 1)[-1], "value": node.value, "style": node.style or ""}


with open(sys.argv[1], encoding="utf-8") as f:
    print(json.dumps(convert(yaml.compose(f))))
