import { monotonicFactory } from 'ulid'

const next = monotonicFactory()

/**
 * Opaque, readable, time-ordered ids (`ord_01JD…`): the prefix tells what the id names,
 * the ULID sorts by creation time so cursor pagination can page on the id alone.
 */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${next()}`
}

export type IdPrefix =
  | 'chn'
  | 'prl'
  | 'loc'
  | 'prd'
  | 'var'
  | 'cus'
  | 'ord'
  | 'oln'
  | 'pay'
  | 'res'
  | 'key'
  | 'trf'
  | 'tsk'
  | 'rtn'
  | 'rln'
  | 'pol'
  | 'sva'
  | 'tkt'
  | 'lrl'
  | 'rwd'
  | 'rdm'
  | 'prm'
  | 'fra'
  | 'cpl'
  | 'stm'
  | 'svl'
  | 'act'
  | 'evt'
  | 'whk'
  | 'whd'
  | 'wha'
  | 'prf'
  | 'msg'
  | 'reg'
  | 'ses'
  | 'csv'
  | 'dfc'
  | 'rly'
  | 'pcl'
