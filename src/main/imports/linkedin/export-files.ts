// Finds the files of a LinkedIn export: a folder holding messages.csv (and maybe Connections.csv
// and Invitations.csv), or the path of messages.csv itself, whose folder is then searched.
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { LinkedInExportError } from './errors'

export interface ExportFiles {
  messages: string
  messagesBytes: number
  connections: string | null
  invitations: string | null
}

/** The file in `folder` named `name` in any case (exports unzipped on Windows vary). */
async function findIn(folder: string, name: string): Promise<string | null> {
  const entries = await readdir(folder, { withFileTypes: true })
  const match =
    entries.find((entry) => entry.isFile() && entry.name === name) ??
    entries.find((entry) => entry.isFile() && entry.name.toLowerCase() === name.toLowerCase())
  return match ? join(folder, match.name) : null
}

export async function locateExportFiles(source: string): Promise<ExportFiles> {
  const info = await stat(source).catch(() => null)
  if (!info) {
    throw new LinkedInExportError(
      'NOT_FOUND',
      `Nothing is at ${source}: choose the folder of your LinkedIn export or its messages.csv.`,
    )
  }
  let folder = source
  let messages: string | null = source
  if (info.isDirectory()) {
    messages = await findIn(source, 'messages.csv')
    if (!messages) {
      throw new LinkedInExportError(
        'NOT_FOUND',
        `The folder ${source} holds no messages.csv: choose the folder of your unzipped LinkedIn export.`,
      )
    }
  } else {
    folder = dirname(source)
  }
  const messagesInfo = await stat(messages)
  const sibling = async (name: string): Promise<string | null> => {
    const found = await findIn(folder, name)
    return found && basename(found) !== basename(messages) ? found : null
  }
  return {
    messages,
    messagesBytes: messagesInfo.size,
    connections: await sibling('Connections.csv'),
    invitations: await sibling('Invitations.csv'),
  }
}
