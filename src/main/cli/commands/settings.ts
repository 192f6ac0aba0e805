import type { Settings } from '../../../shared/contract'
import type { Register } from '../program'

export const registerSettingsCommands: Register = (program, perform) => {
  program
    .command('settings')
    .description('show or change app settings')
    .option('--time-zone <zone>', 'the time zone that decides calendar days, e.g. Europe/Berlin')
    .action((options: { timeZone?: string }) =>
      perform(async ({ call }) => {
        const settings = await call<Settings>(
          options.timeZone === undefined ? 'settings.get' : 'settings.update',
          options.timeZone === undefined ? {} : { timeZone: options.timeZone },
        )
        return { json: { ...settings }, text: `Time zone: ${settings.timeZone}` }
      }),
    )
}
