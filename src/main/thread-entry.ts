// Where a worker thread's script is. From the sources (tests, the benchmark, `npm run cli`) it
// is the .ts file beside its caller, run through tsx (found from the caller, so the working
// folder does not matter); from the build it is the entry of that name that
// electron.vite.config.ts writes into the folder holding every chunk of the main build, its
// caller's chunk included.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

export function threadEntry(
  callerUrl: string,
  sourceFile: string,
  builtName: string,
): { url: URL; execArgv: string[] } {
  if (!callerUrl.endsWith('.ts'))
    return { url: new URL(`./${builtName}.js`, callerUrl), execArgv: [] }
  const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx')).href
  return { url: new URL(`./${sourceFile}`, callerUrl), execArgv: ['--import', tsx] }
}
