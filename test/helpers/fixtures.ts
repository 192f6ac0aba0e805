// The shared LinkedIn export fixtures live beside the repository (../shared/fixtures).
import { join } from 'node:path'

export const fixturesDir = join(__dirname, '..', '..', '..', 'shared', 'fixtures')
