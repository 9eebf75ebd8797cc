/** Home's off-thread reads (reads/catalog.ts): its figures and its attention list, each one read of one connection. */
import { readHandles } from '../reads/catalog'
import type { PageRequest, ReadSource } from '../reads/page'
import { attentionItems, type AttentionFilters } from './attention'
import { homeFigures, type FigureFilters } from './figures'

export const homeReads = {
  homeFigures: (src: ReadSource, f: FigureFilters, _request: PageRequest) => homeFigures(src, f),
  homeAttention: (src: ReadSource, f: AttentionFilters, _request: PageRequest) => attentionItems(src, f)
}

export const HOME_READS = readHandles(homeReads)
