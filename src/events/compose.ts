import type { Token } from '../doc/types.js';
import { COOPERATIVE, HOSTILE_ACTS } from './cameo.js';
import type { GovernorKind, ModalityLexicon, Sense } from './lexicon.js';
import { type Clauses, isNounTaggedVerb, lemmaOf } from './syntax.js';
import type { Mention } from './triggers.js';

/**
 * Verbs that govern another event ("agreed to stop attacking", "threatened to ban",
 * "urged Israel to withdraw", "carried out the attack") and what the pair means as
 * one PLOVER event, after the combination rules of PLOVER (manual 2.3, 3.1: promised
 * cooperation is AGREE, a promised hostile act is THREATEN) and of PETRARCH's verb
 * combinations. Transparent governors (launch, carry out, order …) keep the event's
 * type and lend it their subject.
 */

export interface Governed {
  /** The governing verb (or readiness adjective) token. */
  governor: number;
  kind: GovernorKind | 'deny' | 'accuse' | 'claim';
  /** How the event sits under it: to-infinitive, gerund, that-clause, or object noun. */
  via: 'infinitive' | 'gerund' | 'object' | 'that';
  /** For request verbs: the addressee phrase's head token ("urged Israel to …"). */
  addressee: number | null;
}

const ACCUSE = new Set(['accuse', 'charge', 'blame', 'suspect', 'implicate', 'indict', 'convict']);
const CLAIM_NOUNS = new Set(['responsibility', 'credit']);

function kindOf(lemma: string, token: Token, mod: ModalityLexicon): Governed['kind'] | null {
  if (mod.denialVerbs.has(lemma)) return 'deny';
  if (ACCUSE.has(lemma)) return 'accuse';
  for (const kind of ['cessation', 'refusal', 'threat', 'request', 'intent', 'attempt', 'preparation', 'transparent'] as GovernorKind[]) {
    if (mod.governors[kind].has(lemma)) return kind;
  }
  if (token.pos === 'ADJ' && mod.readiness.has(lemma)) return 'intent';
  return null;
}

/** The governor of a mention, if any: the verb whose complement or object the event is. */
export function governorOf(clauses: Clauses, m: Mention, mod: ModalityLexicon): Governed | null {
  const tokens = clauses.tokens;
  const [first] = clauses.sentenceBounds(m.head);
  if (m.kind === 'verb') {
    let i = m.first - 1;
    while (i >= first && (tokens[i]!.pos === 'ADV' || tokens[i]!.norm === 'not')) i--;
    const prev = tokens[i];
    if (!prev) return null;
    // to-infinitive: "agreed to stop", "urged Israel to withdraw", "ready to attack".
    if (prev.norm === 'to' && prev.pos === 'PART') {
      let g = i - 1;
      let addressee: number | null = null;
      // "threatened on Monday to break relations": a time phrase may sit between.
      for (let guard = 0; guard < 2; guard++) {
        const tnp = clauses.phraseAt(g);
        if (!tnp || tnp.last !== g + 1 || !clauses.isTime(tnp)) break;
        g = tnp.first - 1;
        if (tokens[g]?.pos === 'ADP') g--;
      }
      const np = clauses.phraseAt(g);
      if (np && np.last === g + 1 && !(tokens[g]!.pos === 'ADJ' && mod.readiness.has(lemmaOf(tokens[g]!)))) {
        addressee = np.head;
        g = np.first - 1;
      }
      while (g >= first && (tokens[g]!.pos === 'ADV' || tokens[g]!.pos === 'AUX' && tokens[g]!.norm !== 'be')) g--;
      const gov = tokens[g];
      if (!gov) return null;
      const kind = kindOf(lemmaOf(gov), gov, mod);
      if (!kind) return null;
      if (addressee !== null && kind !== 'request') return null;
      return { governor: g, kind, via: 'infinitive', addressee };
    }
    // Gerund: "stop attacking", "denied carrying out", "accused X of attacking", "refrain from attacking".
    if (/ing$/.test(tokens[m.first]!.norm)) {
      let g = i;
      let addressee: number | null = null;
      if (tokens[g]?.pos === 'ADP' && ['of', 'from', 'on', 'in', 'for'].includes(tokens[g]!.norm)) {
        g--;
        const np = clauses.phraseAt(g);
        if (np && np.last === g + 1) {
          addressee = np.head;
          g = np.first - 1;
        }
      }
      const gov = tokens[g];
      if (!gov || (gov.pos !== 'VERB' && gov.pos !== 'ADJ' && gov.pos !== 'NOUN')) return null;
      const kind = kindOf(lemmaOf(gov), gov, mod);
      if (!kind) return null;
      return { governor: g, kind, via: 'gerund', addressee };
    }
    // that-clause under a request: "demanded that the United States withdraws".
    const sub = clauses.subjectOf(m.head);
    if (sub) {
      const that = tokens[sub.first - 1];
      if (that && that.norm === 'that') {
        const gov = tokens[sub.first - 2];
        if (gov && gov.pos === 'VERB') {
          const kind = kindOf(lemmaOf(gov), gov, mod);
          if (kind === 'request') return { governor: sub.first - 2, kind, via: 'that', addressee: sub.head };
        }
      }
    }
    return null;
  }
  // A noun event as the object of a verb: "carried out the attack", "ordered strikes on …", "stop the attacks".
  const np = clauses.phraseAt(m.head);
  if (!np) return null;
  let g = np.first - 1;
  while (g >= first && (tokens[g]!.pos === 'ADP' && ['out', 'up', 'off'].includes(tokens[g]!.norm) || tokens[g]!.pos === 'ADV')) g--;
  const gov = tokens[g];
  // wink tags "had" in "had meetings" as an auxiliary; with a noun object it is the verb.
  const lightAux = gov && gov.pos === 'AUX' && lemmaOf(gov) === 'have';
  if (!gov || (gov.pos !== 'VERB' && !lightAux && !isNounTaggedVerb(tokens, g))) {
    // "claimed responsibility for the attack", "denied involvement in the attack".
    const prep = tokens[np.first - 1];
    if (prep && prep.pos === 'ADP' && ['for', 'in', 'of', 'with'].includes(prep.norm)) {
      const inner = clauses.phraseAt(np.first - 2);
      if (inner && CLAIM_NOUNS.has(lemmaOf(tokens[inner.head]!))) {
        const v = tokens[inner.first - 1];
        if (v && v.pos === 'VERB') {
          const l = lemmaOf(v);
          if (l === 'claim' || l === 'take' || l === 'accept' || l === 'admit') return { governor: inner.first - 1, kind: 'claim', via: 'object', addressee: null };
          if (mod.denialVerbs.has(l)) return { governor: inner.first - 1, kind: 'deny', via: 'object', addressee: null };
        }
      }
      if (inner && ['involvement', 'role', 'part', 'participation', 'hand'].includes(lemmaOf(tokens[inner.head]!))) {
        const v = tokens[inner.first - 1];
        if (v && v.pos === 'VERB' && mod.denialVerbs.has(lemmaOf(v))) return { governor: inner.first - 1, kind: 'deny', via: 'object', addressee: null };
      }
    }
    return null;
  }
  // "Rebels claim drone attack": claiming an attack claims responsibility for it.
  if (CLAIM_VERBS.has(lemmaOf(gov)) && HOSTILE_INCIDENT.has(m.sense.type)) return { governor: g, kind: 'claim', via: 'object', addressee: null };
  const kind = kindOf(lemmaOf(gov), gov, mod);
  if (!kind) return null;
  // "called the killings a massacre", "told the attackers": the object is whom (or what)
  // the verb addresses or names, not a thing requested.
  if (kind === 'request' && mod.addresseeObject.has(lemmaOf(gov))) return null;
  return { governor: g, kind, via: 'object', addressee: null };
}

const CLAIM_VERBS = new Set(['claim', 'admit', 'acknowledge']);
const HOSTILE_INCIDENT = new Set(['ASSAULT', 'FIGHT', 'COERCE']);

/** What a governed event becomes; null when the governor leaves it as it is. */
export function combine(kind: Governed['kind'], inner: Sense, govLemma: string, via: Governed['via']): Sense | null {
  const t = inner.type;
  switch (kind) {
    case 'intent':
      if (HOSTILE_ACTS.has(t) || t === 'PROTEST') return { type: 'THREATEN', cameo: threatCode(t) };
      if (COOPERATIVE.has(t)) return { type: 'AGREE', cameo: intentCode(inner) };
      return null;
    case 'threat':
      return { type: 'THREATEN', cameo: threatCode(t) };
    case 'request':
      if (govLemma === 'order' && via === 'object') return null;
      return { type: 'DEMAND', cameo: requestCode(inner) };
    case 'refusal':
      if (govLemma === 'fail' && !COOPERATIVE.has(t)) return null;
      return { type: 'REJECT', cameo: refusalCode(t) };
    case 'cessation':
      if (HOSTILE_ACTS.has(t) || t === 'PROTEST' || t === 'THREATEN') return { type: 'RETREAT', cameo: '087' };
      if (t === 'CONSULT') return { type: 'SANCTION', cameo: inner.cameo === '045' ? '165' : '164' };
      if (t === 'AID') return { type: 'SANCTION', cameo: '162' };
      if (t === 'COOPERATE' || t === 'SUPPORT' || t === 'AGREE') return { type: 'SANCTION', cameo: '160' };
      if (t === 'SANCTION' || t === 'COERCE') return { type: 'RETREAT', cameo: '087' };
      return null;
    case 'preparation':
      if (HOSTILE_ACTS.has(t)) return { type: 'MOBILIZE', cameo: '150' };
      return null;
    case 'attempt':
      if (inner.cameo === '186') return { type: 'ASSAULT', cameo: '185' };
      return null;
    default:
      return null;
  }
}

function threatCode(t: string): string {
  if (t === 'ASSAULT' || t === 'FIGHT' || t === 'MOBILIZE') return '138';
  if (t === 'SANCTION') return '131';
  if (t === 'COERCE') return '137';
  if (t === 'PROTEST') return '133';
  return '130';
}

/** Intent to cooperate, by what is promised (CAMEO 03x). */
function intentCode(inner: Sense): string {
  switch (inner.type) {
    case 'CONSULT': return '036';
    case 'AID': return '033';
    case 'COOPERATE': return '031';
    case 'SUPPORT': return '032';
    case 'RETREAT': return inner.cameo && /^087/.test(inner.cameo) ? '0356' : inner.cameo === '0841' ? '0353' : '035';
    case 'CONCEDE': return '035';
    default: return inner.cameo && /^03/.test(inner.cameo) ? inner.cameo : '030';
  }
}

function requestCode(inner: Sense): string {
  switch (inner.type) {
    case 'RETREAT': return inner.cameo && /^087/.test(inner.cameo) ? '1056' : inner.cameo === '0841' ? '1053' : '105';
    case 'CONCEDE': return '105';
    case 'CONSULT': return '106';
    case 'AID': return '103';
    case 'COOPERATE': return '101';
    case 'SUPPORT': return '102';
    case 'SANCTION': return '100';
    default: return '100';
  }
}

function refusalCode(t: string): string {
  if (t === 'CONSULT') return '125';
  if (t === 'AID') return '122';
  if (t === 'COOPERATE' || t === 'SUPPORT') return '121';
  if (t === 'CONCEDE' || t === 'RETREAT') return '124';
  return '120';
}
