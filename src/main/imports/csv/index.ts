// The CSV reader's public face: read rows, preview a file, read dates, map a row.
export { CsvReadError, csvReadErrorCodes, type CsvReadErrorCode } from './errors'
export {
  parseDate,
  parseDateDetailed,
  matchingDateFormats,
  type DateFormat,
  type ParsedDate,
} from './dates'
export type { CsvHeader } from './header'
export { mapRow, missingColumns, type CsvOutreachRow, type MapRowResult } from './map-row'
export { previewCsv, type CsvFilePreview } from './preview'
export {
  openCsv,
  readCsvRows,
  type CsvProgress,
  type CsvReadOptions,
  type CsvRow,
  type OpenedCsv,
} from './read'
export { sniffCsv, type CsvSniff } from './sniff'
