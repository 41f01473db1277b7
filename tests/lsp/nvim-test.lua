-- Drives `jrnc lsp` with Neovim's built-in LSP client (0.7+), headless: opens a map,
-- receives diagnostics, completes, jumps to a definition, renames, formats. Writes one
-- "PASS: name" or "FAIL: name" line per case to $TMP_DIR/nvim-results.txt, then quits.
local jrnc = os.getenv('JRNC')
local tmp = os.getenv('TMP_DIR')
local results = {}

local function case(name, body)
  local ok, problem = pcall(body)
  if ok then
    table.insert(results, 'PASS: nvim: ' .. name)
  else
    table.insert(results, 'FAIL: nvim: ' .. name)
    table.insert(results, '  ' .. tostring(problem))
  end
end

local function write(name, lines)
  local path = tmp .. '/' .. name
  vim.fn.writefile(lines, path)
  return path
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

write('parts.jrn', { 'channel web "Website"', 'persona buyer "Buyer"' })
local map = write('shop.jrn', {
  'use "parts"',
  'stage look "Look around" {',
  '  touchpoint browse "Browse" { channel: webb  persona: buyer }',
  '  touchpoint call "Call us" { channel: web }',
  '}',
  'journey buy "Buy" for buyer {',
  '  browse -> call',
  '}',
})

vim.cmd('edit ' .. vim.fn.fnameescape(map))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'jrnc', cmd = { jrnc, 'lsp' }, root_dir = tmp })
local attached = client_id ~= nil and vim.lsp.buf_attach_client(bufnr, client_id)

case('the client starts jrnc lsp and attaches', function()
  assert(attached, 'buf_attach_client failed')
  assert(vim.wait(10000, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end), 'the server did not initialize')
end)

case('diagnostics arrive: the misspelt channel, at its place', function()
  assert(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end), 'no diagnostics')
  local found
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message:find("unknown channel 'webb'", 1, true) then found = d end
  end
  assert(found, vim.inspect(vim.diagnostic.get(bufnr)))
  assert(found.lnum == 2 and found.col == 40, 'at ' .. found.lnum .. ':' .. found.col)
  assert(found.severity == vim.diagnostic.severity.ERROR)
end)

case('an edit clears the diagnostic', function()
  vim.api.nvim_buf_set_text(bufnr, 2, 40, 2, 44, { 'web' })
  assert(vim.wait(10000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.severity == vim.diagnostic.severity.ERROR then return false end
    end
    return true
  end), vim.inspect(vim.diagnostic.get(bufnr)))
end)

case('completion after channel: offers the channel with its title', function()
  vim.api.nvim_buf_set_lines(bufnr, 3, 4, false, { '  touchpoint call "Call us" { channel: w }' })
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 3, character = 40 } }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
  local labels = {}
  for _, response in pairs(responses or {}) do
    local result = response.result or {}
    for _, item in ipairs(result.items or result) do labels[item.label] = item.detail end
  end
  assert(labels['web'] == 'Website', vim.inspect(labels))
  vim.api.nvim_buf_set_lines(bufnr, 3, 4, false, { '  touchpoint call "Call us" { channel: web }' })
end)

case('go to definition jumps from a step to its touchpoint', function()
  vim.api.nvim_win_set_cursor(0, { 7, 13 })  -- on "call" in "browse -> call"
  vim.lsp.buf.definition()
  assert(vim.wait(10000, function() return vim.api.nvim_win_get_cursor(0)[1] == 4 end),
    'cursor at ' .. vim.inspect(vim.api.nvim_win_get_cursor(0)))
  assert(vim.api.nvim_win_get_cursor(0)[2] == 13, 'column ' .. vim.api.nvim_win_get_cursor(0)[2])
end)

case('rename changes the declaration and every use', function()
  vim.api.nvim_win_set_cursor(0, { 3, 14 })  -- on "browse"
  vim.lsp.buf.rename('look_around')
  assert(vim.wait(10000, function() return buffer_text(bufnr):find('look_around -> call', 1, true) ~= nil end),
    buffer_text(bufnr))
  assert(buffer_text(bufnr):find('touchpoint look_around "Browse"', 1, true), buffer_text(bufnr))
end)

case('formatting rewrites the buffer as jrnc fmt does', function()
  vim.api.nvim_buf_set_lines(bufnr, 1, 2, false, { 'stage    look "Look around" {' })
  if vim.lsp.buf.format then vim.lsp.buf.format({ async = false }) else vim.lsp.buf.formatting_sync(nil, 10000) end
  local expected = vim.fn.system({ jrnc, 'fmt', '-' }, buffer_text(bufnr) .. '\n')
  assert(buffer_text(bufnr) .. '\n' == expected, buffer_text(bufnr))
  assert(buffer_text(bufnr):find('stage look "Look around"', 1, true))
end)

case('the server shuts down with the client', function()
  vim.lsp.stop_client(client_id)
  assert(vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end), 'still running')
end)

vim.fn.writefile(results, tmp .. '/nvim-results.txt')
vim.cmd('qall!')
