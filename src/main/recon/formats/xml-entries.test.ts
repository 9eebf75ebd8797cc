/**
 * The camt scanner cuts entries out of text arriving in pieces of any size: a tag, a comment or
 * CDATA split across chunks, namespace prefixes, comments that mention an entry.
 */
import { describe, expect, it } from 'vitest'
import { xmlPieces, type XmlPiece } from './xml-entries'

const DOC = `<?xml version="1.0"?>
<ns:Document xmlns:ns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
<!-- <ns:Ntry> in a comment is not an entry -->
<ns:BkToCstmrStmt><ns:Stmt><ns:Id>S1</ns:Id>
<ns:Bal>b</ns:Bal>
<ns:Ntry><ns:Amt Ccy="EUR">1.00</ns:Amt><ns:AddtlNtryInf><![CDATA[a </ns:Ntry> inside CDATA]]></ns:AddtlNtryInf></ns:Ntry>
<ns:Ntry><ns:Amt Ccy="EUR">2.00</ns:Amt></ns:Ntry>
<ns:TxsSummry>t</ns:TxsSummry></ns:Stmt>
<ns:Stmt><ns:Id>S2</ns:Id><ns:Ntry><ns:Amt>3</ns:Amt></ns:Ntry></ns:Stmt></ns:BkToCstmrStmt>
</ns:Document>
`

async function pieces(text: string, size: number): Promise<XmlPiece[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
  }
  const out: XmlPiece[] = []
  for await (const piece of xmlPieces(chunks())) out.push(piece)
  return out
}

describe('xmlPieces', () => {
  it('gives the same entries, statements and line numbers whatever the chunk size', async () => {
    const whole = await pieces(DOC, DOC.length)
    expect(whole.map((p) => [p.type, p.lineNo])).toEqual([
      ['head', 4],
      ['entry', 6],
      ['entry', 7],
      ['statement', 4],
      ['head', 9],
      ['entry', 9],
      ['statement', 9]
    ])
    expect(whole[1].xml).toBe('<ns:Ntry><ns:Amt Ccy="EUR">1.00</ns:Amt><ns:AddtlNtryInf><![CDATA[a </ns:Ntry> inside CDATA]]></ns:AddtlNtryInf></ns:Ntry>')
    expect(whole[3].xml).toBe('<ns:Stmt><ns:Id>S1</ns:Id>\n<ns:Bal>b</ns:Bal>\n\n\n<ns:TxsSummry>t</ns:TxsSummry></ns:Stmt>')
    for (const size of [1, 2, 3, 7, 64]) expect(await pieces(DOC, size)).toEqual(whole)
  })

  it('refuses a document that ends early or declares a DOCTYPE', async () => {
    await expect(pieces(DOC.slice(0, DOC.indexOf('2.00')), 5)).rejects.toThrow('The XML ends inside the entry that starts on line 7: the file is truncated')
    await expect(pieces(DOC.slice(0, DOC.lastIndexOf('</ns:Document>')), 5)).rejects.toThrow('The XML ends before the document closes: the file is truncated')
    await expect(pieces(DOC.replace('<ns:Document', '<!DOCTYPE x [<!ENTITY a "b">]><ns:Document'), 4)).rejects.toThrow(/DOCTYPE/)
  })
})
