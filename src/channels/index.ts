export { channelsErrors } from './channels.errors.ts'
