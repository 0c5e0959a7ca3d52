import { Type } from '@fastify/type-provider-typebox'
import { entities } from './rows.domain.ts'

export const EntityParams = Type.Object({
  entity: Type.Union(
    entities.map((e) => Type.Literal(e)),
    {
      description:
        'products (and their variants), prices (per price list), stock (counts per location), customers.',
    },
  ),
})

const Format = Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], {
  description: 'csv (header line first; `,` or `;` between cells) or jsonl (one JSON object per line).',
})

export const ImportQuery = Type.Object({
  dry_run: Type.Optional(
    Type.Boolean({
      description: 'true: check every row against the data, apply nothing, answer the same report.',
    }),
  ),
  format: Type.Optional(Format),
})

export const ExportQuery = Type.Object({
  format: Type.Optional(Format),
})

export const ImportReport = Type.Object({
  entity: Type.String(),
  dry_run: Type.Boolean(),
  rows: Type.Integer({ description: 'Data rows read (the CSV header is not one).' }),
  applied: Type.Integer({ description: 'Rows written: created + updated.' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'Rows that said what was already there: nothing written.' }),
  refused_rows: Type.Integer({ description: 'Rows refused, each writing nothing.' }),
  refused: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'Line of the file, from 1 (the CSV header).' }),
      column: Type.Union([Type.String(), Type.Null()], { description: 'Null: the row as a whole.' }),
      code: Type.String({ description: 'Stable code of the refusal (docs/bulk.md lists them).' }),
      reason: Type.String({ description: 'What is wrong and what to write instead.' }),
    }),
    { description: 'The first 1,000 refusals, in file order (a row may have one per column).' },
  ),
  refused_not_listed: Type.Integer({ description: 'Refusals beyond the 1,000 listed.' }),
})
