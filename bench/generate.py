#!/usr/bin/env python3
"""Generates logcheck's benchmark corpus, deterministically (fixed seed).

usage: generate.py OUT_DIR [--files N] [--big-mb M]
       generate.py OUT_DIR --monorepo N
       generate.py OUT_DIR --pair

OUT_DIR/corpus-N/ is a repository (`.git/` at its root) of N files in group-XX/svc-XXXX/
directories: each service is a package (its own `package.json`, which a directory search does
not read as an input) with a PM2 ecosystem file (ecosystem.config.js, ecosystem.json or
ecosystem.yml, in turn) and a log4js config (log4js.json or log4js.yaml), shaped like the real files in fixtures/corpus/pm2/: one to
four apps with env blocks, log files, cluster settings, and appenders of the common types. About
one service in five has a mistake logcheck reports. OUT_DIR/big.yml and OUT_DIR/big.json are one
ecosystem file each of about M MB (many apps).

For B6 (linking through the project), OUT_DIR/monorepo-N/ is a repository root (`.git/`, a
`package.json` with workspaces) holding N services in services/svc-XXXX/, each with its own
`package.json`, an `ecosystem.config.js` of one app whose script is `./server.js` (cluster mode
with 4 instances or fork mode), that `server.js`, which loads its config with
`log4js.configure('./log4js.json')` or `log4js.configure(require('./log4js.json'))`, and that
`log4js.json` (with `"pm2": true` or without). Each service depends only on the seed and its
index, so OUT_DIR/pair/ (`--pair`: a `.git/` and service svc-0019 alone) is the same service as
svc-0019 of every monorepo.
"""
import json
import os
import random
import sys

APPENDER_TYPES = ["stdout", "file", "dateFile", "console", "fileSync"]
LEVELS = ["trace", "debug", "info", "warn", "error"]


def app(rng, service, k, log4js_name):
    name = f"{service}-{['api', 'worker', 'cron', 'web'][k % 4]}"
    a = {"name": name, "script": f"./dist/{['server', 'worker', 'jobs', 'index'][k % 4]}.js", "cwd": "."}
    if rng.random() < 0.6:
        a["exec_mode"] = "cluster"
        a["instances"] = rng.choice([2, 4, "max", -1])
        a["instance_var"] = "INSTANCE_ID"
    if rng.random() < 0.5:
        a["max_memory_restart"] = rng.choice(["300M", "500M", "1G"])
    if rng.random() < 0.4:
        a["error_file"] = f"./logs/{name}-err.log"
        a["out_file"] = f"./logs/{name}-out.log"
        a["merge_logs"] = True
    if rng.random() < 0.3:
        a["log_date_format"] = "YYYY-MM-DD HH:mm:ss Z"
    if rng.random() < 0.3:
        a["watch"] = False
        a["ignore_watch"] = ["node_modules", "logs"]
    a["env"] = {"NODE_ENV": "development", "PORT": 3000 + k, "LOG4JS_CONFIG": log4js_name}
    a["env_production"] = {"NODE_ENV": "production", "PORT": 8000 + k}
    if rng.random() < 0.2:
        a["cron_restart"] = rng.choice(["0 3 * * *", "*/30 * * * *"])
    if rng.random() < 0.05:
        a["instanes"] = 2  # a typo logcheck reports
    return a


def ecosystem(rng, service, log4js_name):
    return {"apps": [app(rng, service, k, log4js_name) for k in range(rng.randint(1, 4))]}


def log4js(rng, service):
    appenders = {"out": {"type": "stdout", "layout": {"type": "pattern", "pattern": "%d %p %c %m"}}}
    for k in range(rng.randint(1, 4)):
        t = rng.choice(APPENDER_TYPES)
        entry = {"type": t}
        if t in ("file", "dateFile", "fileSync"):
            entry["filename"] = f"logs/{service}-{k}.log"
            if t == "file":
                entry["maxLogSize"] = rng.choice([10485760, "10M", "50M"])
                entry["backups"] = rng.randint(1, 10)
                entry["compress"] = rng.random() < 0.5
            if t == "dateFile":
                entry["pattern"] = "yyyy-MM-dd"
                entry["numBackups"] = 7
        appenders[f"{t.lower()}{k}"] = entry
    names = list(appenders)
    if rng.random() < 0.5:
        appenders["errors"] = {"type": "logLevelFilter", "appender": names[-1], "level": "error"}
        names.append("errors")
    categories = {"default": {"appenders": names[:2], "level": rng.choice(LEVELS)}}
    for c in range(rng.randint(0, 3)):
        categories[f"{service}.module{c}"] = {"appenders": [rng.choice(names)], "level": rng.choice(LEVELS)}
    config = {"appenders": appenders, "categories": categories}
    roll = rng.random()
    if roll < 0.6:
        config["pm2"] = True
        config["pm2InstanceVar"] = "INSTANCE_ID"
    elif roll < 0.8:
        config["disableClustering"] = True
    return config


def js_value(v, indent):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = []
        for k, x in v.items():
            key = k if k.replace("_", "a").isalnum() and not k[0].isdigit() else repr(k)
            items.append(f"{pad}  {key}: {js_value(x, indent + 1)},")
        return "{\n" + "\n".join(items) + f"\n{pad}}}"
    if isinstance(v, list):
        return "[" + ", ".join(js_value(x, indent + 1) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return str(v)


def yaml_scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if v == "" or any(c in v for c in ":#{}[],&*!|>'\"%@`") or v.strip() != v or v.lower() in ("yes", "no", "true", "false", "null", "on", "off") or v.replace(".", "").replace("-", "").isdigit():
        return json.dumps(v)
    return v


def yaml_value(v, indent):
    pad = "  " * indent
    lines = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, dict) and x:
                lines.append(f"{pad}{yaml_scalar(k)}:")
                lines.append(yaml_value(x, indent + 1))
            elif isinstance(x, list) and x and isinstance(x[0], dict):
                lines.append(f"{pad}{yaml_scalar(k)}:")
                lines.append(yaml_value(x, indent + 1))
            elif isinstance(x, list):
                lines.append(f"{pad}{yaml_scalar(k)}: [" + ", ".join(yaml_scalar(i) for i in x) + "]")
            else:
                lines.append(f"{pad}{yaml_scalar(k)}: {yaml_scalar(x) if not isinstance(x, dict) else '{}'}")
    elif isinstance(v, list):
        for x in v:
            body = yaml_value(x, indent + 1).split("\n")
            lines.append(pad + "- " + body[0].lstrip())
            lines.extend(body[1:])
    return "\n".join(lines)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def corpus(out, files, seed=20261125):
    rng = random.Random(seed)
    services = files // 2
    per_group = 100
    os.makedirs(os.path.join(out, ".git"), exist_ok=True)
    for s in range(services):
        service = f"svc-{s:05d}"
        directory = os.path.join(out, f"group-{s // per_group:03d}", service)
        write(os.path.join(directory, "package.json"), json.dumps({"name": service, "private": True}) + "\n")
        log_ext = ["json", "yaml"][s % 2]
        log_name = f"log4js.{log_ext}"
        eco = ecosystem(rng, service, log_name)
        kind = s % 3
        if kind == 0:
            write(os.path.join(directory, "ecosystem.config.js"), "// PM2 processes of " + service + "\nmodule.exports = " + js_value(eco, 0) + ";\n")
        elif kind == 1:
            write(os.path.join(directory, "ecosystem.json"), json.dumps(eco, indent=2) + "\n")
        else:
            write(os.path.join(directory, "ecosystem.yml"), "# PM2 processes of " + service + "\n" + yaml_value(eco, 0) + "\n")
        config = log4js(rng, service)
        if log_ext == "json":
            write(os.path.join(directory, log_name), json.dumps(config, indent=2) + "\n")
        else:
            write(os.path.join(directory, log_name), yaml_value(config, 0) + "\n")


MONOREPO_SEED = 20260611
PAIR_SERVICE = 19  # cluster mode, no "pm2": true: the pair that linking has a finding for


def service_files(index, seed=MONOREPO_SEED):
    """The four files of service `index` of the B6 monorepo, as {name: text}."""
    rng = random.Random(seed * 1_000_003 + index)
    name = f"svc-{index:04d}"
    app = {"name": name, "script": "./server.js"}
    if rng.random() < 0.5:
        app["exec_mode"] = "cluster"
        app["instances"] = 4
    else:
        app["exec_mode"] = "fork"
    app["env"] = {"NODE_ENV": "production", "PORT": 3000 + index % 1000}
    if rng.random() < 0.5:
        configure = "log4js.configure('./log4js.json');"
    else:
        configure = "log4js.configure(require('./log4js.json'));"
    server = ("'use strict';\n"
              "const http = require('http');\n"
              "const log4js = require('log4js');\n"
              f"{configure}\n"
              f"const logger = log4js.getLogger('{name}');\n\n"
              "http.createServer((req, res) => {\n"
              "  logger.info(`${req.method} ${req.url}`);\n"
              "  res.end('ok');\n"
              "}).listen(process.env.PORT || 3000);\n")
    appenders = {"out": {"type": "stdout"},
                 "app": {"type": "file", "filename": f"logs/{name}.log", "maxLogSize": "10M", "backups": 3}}
    config = {"appenders": appenders,
              "categories": {"default": {"appenders": ["out", "app"], "level": rng.choice(["debug", "info", "warn"])}}}
    if rng.random() < 0.5:
        config["pm2"] = True
    package = {"name": name, "version": "1.0.0", "private": True, "main": "server.js",
               "scripts": {"start": "pm2 start ecosystem.config.js"}, "dependencies": {"log4js": "^6.9.1"}}
    return {
        "package.json": json.dumps(package, indent=2) + "\n",
        "ecosystem.config.js": "module.exports = " + js_value({"apps": [app]}, 0) + ";\n",
        "server.js": server,
        "log4js.json": json.dumps(config, indent=2) + "\n",
    }


def project_root(directory, name):
    os.makedirs(os.path.join(directory, ".git"), exist_ok=True)
    package = {"name": name, "version": "1.0.0", "private": True, "workspaces": ["services/*"]}
    write(os.path.join(directory, "package.json"), json.dumps(package, indent=2) + "\n")


def monorepo(out, services):
    project_root(out, "monorepo")
    for s in range(services):
        for name, text in service_files(s).items():
            write(os.path.join(out, "services", f"svc-{s:04d}", name), text)


def pair(out):
    """Service PAIR_SERVICE alone, in a directory of its own that is its own project root."""
    os.makedirs(os.path.join(out, ".git"), exist_ok=True)
    for name, text in service_files(PAIR_SERVICE).items():
        write(os.path.join(out, name), text)


def big(out, megabytes, seed=7):
    rng = random.Random(seed)
    apps = []
    size = 0
    k = 0
    while size < megabytes * 1_000_000:
        a = app(rng, f"svc-{k:06d}", k % 4, "log4js.json")
        a["name"] = f"app-{k:06d}"
        apps.append(a)
        size += len(json.dumps(a, indent=2)) + 8
        k += 1
    eco = {"apps": apps}
    write(os.path.join(out, "big.json"), json.dumps(eco, indent=2) + "\n")
    write(os.path.join(out, "big.yml"), yaml_value(eco, 0) + "\n")


def main():
    args = sys.argv[1:]
    out = args[0]
    if "--monorepo" in args:
        n = int(args[args.index("--monorepo") + 1])
        monorepo(os.path.join(out, f"monorepo-{n}"), n)
        return
    if "--pair" in args:
        pair(os.path.join(out, "pair"))
        return
    files = int(args[args.index("--files") + 1]) if "--files" in args else 10000
    mb = int(args[args.index("--big-mb") + 1]) if "--big-mb" in args else 0
    corpus(os.path.join(out, f"corpus-{files}"), files)
    if mb:
        big(out, mb)


if __name__ == "__main__":
    main()
