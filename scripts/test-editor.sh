#!/usr/bin/env bash
# Runs `logcheck lsp` under a real editor: headless Neovim (its built-in LSP client) opens an
# ecosystem file of a project on disk, changes it without saving, and must get logcheck's
# findings on the buffer, the cross-file finding on the log4js config it loads, and none once
# the buffer is right again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v nvim >/dev/null || { echo "test-editor: nvim is missing (scripts/setup.sh --test-tools installs it)" >&2; exit 1; }
bin="$root/.build/debug/logcheck"
[ -x "$bin" ] || { echo "test-editor: build logcheck first (swift build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/.git"
printf '%s\n' '{"appenders": {"out": {"type": "stdout"}}, "categories": {"default": {"appenders": ["out"], "level": "info"}}}' > "$work/log4js.json"
printf '%s\n' "module.exports = { apps: [{ name: 'api', script: 'server.js' }] };" > "$work/ecosystem.config.js"
cat > "$work/session.lua" <<LUA
local bufnr = vim.api.nvim_get_current_buf()
local out = {}
local function report(label)
  local all = vim.diagnostic.get()
  table.sort(all, function(a, b) return vim.api.nvim_buf_get_name(a.bufnr) .. a.lnum .. a.col < vim.api.nvim_buf_get_name(b.bufnr) .. b.lnum .. b.col end)
  for _, d in ipairs(all) do
    table.insert(out, label .. ' ' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(d.bufnr), ':t') .. ':' .. d.lnum .. ':' .. d.col .. ' ' .. tostring(d.code) .. ' ' .. d.severity)
  end
  table.insert(out, label .. ' ' .. #all)
end
local id = vim.lsp.start_client({ name = 'logcheck', cmd = { '$bin', 'lsp' }, root_dir = '$work' })
vim.lsp.buf_attach_client(bufnr, id)
-- Unsaved: cluster mode with a wrongly cased exec_mode, four instances, the config on disk.
vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, { "module.exports = { apps: [{ name: 'api', script: 'server.js', exec_mode: 'Cluster', instances: 4, env: { LOG4JS_CONFIG: 'log4js.json' } }] };" })
vim.wait(10000, function() return #vim.diagnostic.get() >= 3 end, 20)
report('edited')
vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, { "module.exports = { apps: [{ name: 'api', script: 'server.js' }] };" })
vim.wait(10000, function() return #vim.diagnostic.get() == 0 end, 20)
report('restored')
vim.fn.writefile(out, '$work/out.txt')
vim.lsp.stop_client(id)
vim.cmd('qa!')
LUA
(cd "$work" && timeout 60 nvim --headless -n -i NONE ecosystem.config.js -c "luafile $work/session.lua" >/dev/null 2>&1) || true
expected="edited ecosystem.config.js:0:73 LC305 1
edited ecosystem.config.js:0:95 LC308 3
edited log4js.json:0:0 LC101 1
edited 3
restored 0"
got=$(cat "$work/out.txt" 2>/dev/null || echo "no output from nvim")
if [ "$got" != "$expected" ]; then
  echo "test-editor: FAIL: Neovim's LSP client got:" >&2
  printf '%s\n' "$got" >&2
  echo "expected:" >&2
  printf '%s\n' "$expected" >&2
  exit 1
fi
echo "test-editor: Neovim's LSP client gets the findings of an unsaved buffer, the linked config's, and none once it is right"
