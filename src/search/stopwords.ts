/**
 * Words that carry no topic in a student's question. MiniSearch multiplies a chunk's score by how many
 * query terms it matched, so a matched "what" or "how" would lift chunks that share only filler.
 * Applied to chunks and questions alike.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each etc few for from further get gets getting give had hadn't has hasn't have haven't having he
  her here hers herself him himself his how i i'd i'm i've if in into is isn't it it's its itself just
  let let's like lot lots make makes many me mean means more most much must my myself need needs no nor
  not now of off on once one only or other our ours ourselves out over own please really same say says
  shall she should shouldn't so some such tell than thank thanks that that's the their theirs them
  themselves then there there's these they this those through thing things to too under until up us use
  used uses using very want wants was wasn't way we were weren't what what's whats when where which while
  who whom why will with won't would wouldn't yes you your yours yourself explain describe define
  definition show know okay ok hi hello hey work works vs versus difference differences compare compared
  comparison go goes going got overview summary summarize summarise intro basics basic info information
  details detail two three four five six seven eight nine ten`
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word.replace(/'/g, '')),
);

/**
 * Words that frame a question without naming its topic: exam instructions, the actors of a scenario and
 * what they want. Dropped from questions only; a chapter that uses one of them still indexes it.
 */
export const QUESTION_FILLER: ReadonlySet<string> = new Set(
  `following statement statements describes described describing best correct correctly true false choose
  select requirement requirements require requires required company companies enterprise enterprises
  customer customers client clients business businesses team teams developer developers engineer engineers
  architect architects administrator administrators recommend recommends recommended recommendation
  approach approaches scenario scenarios situation main primary chief benefit benefits advantage
  advantages disadvantage disadvantages drawback drawbacks purpose characteristic characteristics type types
  kind kinds example examples number achieve achieves accomplish result results possible appropriate
  suitable ideal solution solutions take perform performs performed function functions capability
  capabilities task tasks achieved accomplished different differ differs help helps helped helping improve improves improved improving teacher teachers professor instructor lecturer lecture class course mentioned heard told`
    .split(/\s+/)
    .filter((word) => word !== ''),
);
