// Where a worker thread's script is. From the sources (tests, the benchmark, `npm run cli`) it
// is the .ts file beside its caller, run through tsx; from the build it is the entry of that
// name that electron.vite.config.ts writes into the folder holding every chunk of the main
// build, its caller's chunk included.
export function threadEntry(
  callerUrl: string,
  sourceFile: string,
  builtName: string,
): { url: URL; execArgv: string[] } {
  if (callerUrl.endsWith('.ts'))
    return { url: new URL(`./${sourceFile}`, callerUrl), execArgv: ['--import', 'tsx'] }
  return { url: new URL(`./${builtName}.js`, callerUrl), execArgv: [] }
}
