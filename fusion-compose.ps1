#!/usr/bin/env pwsh
# fusion-compose.ps1: a thin wrapper, the PowerShell entry point for composing the supergraph. It only
# runs gateway/compose.mjs (the single implementation of "export all subgraph SDL, then compose") from
# the repo root, passing every argument through, and exits with its exit code. Keep logic out of here.
#   ./fusion-compose.ps1                 export + compose into schema/
#   ./fusion-compose.ps1 --skip-export   compose only
#   ./fusion-compose.ps1 --check         fail if schema/ is stale
# Needs Node.js and `npm ci` in gateway/ (for @theguild/federation-composition).
$ErrorActionPreference = 'Stop'
Push-Location $PSScriptRoot
try {
    & node gateway/compose.mjs @args
    $code = $LASTEXITCODE
}
finally {
    Pop-Location
}
exit $code
