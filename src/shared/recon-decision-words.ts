/**
 * What a clerk writes in a worked break list's action column besides the code (`write_off`): the
 * decision's word in either language. Apart from recon-export-text.ts (which checks it against the
 * decisions a file may bring) so the server texts can name them without an import cycle.
 */
export const DECISION_WORDS = {
  en: { write_off: 'write off', ignore: 'ignore', annotate: 'annotate', assign: 'assign' },
  'zh-CN': { write_off: '核销', ignore: '忽略', annotate: '备注', assign: '指派' }
}
