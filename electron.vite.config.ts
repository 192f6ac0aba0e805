import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// Three Node entries share one main build: the Electron shell, browser mode and the CLI, plus
// the scripts of the import's threads. Only `index` imports electron; the others run in plain Node.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          web: resolve('src/main/web/main.ts'),
          cli: resolve('src/main/cli/main.ts'),
          'import-worker': resolve('src/main/imports/worker.ts'),
          'records-worker': resolve('src/main/imports/linkedin/records-worker.ts'),
          'items-worker': resolve('src/main/imports/items-worker.ts'),
        },
        // Every chunk beside the entries: a thread is started from a chunk, by a path relative
        // to it (src/main/thread-entry.ts).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages, so zod is bundled into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // electron-vite leaves the renderer unminified; minified, the page's script parses in
      // less time on a cold start (browser mode, docs/benchmarks.md).
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
