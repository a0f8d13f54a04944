/**
 * Words that carry no topic. Removed from documents and queries alike, so a long, chatty question
 * ("hi, could you please tell me how I can get my money back?") ranks by its content words only.
 * Chinese entries are in the folded (simplified) script and are matched against jieba's words, never
 * as substrings (的 must not break 目的, 吗 must not break 吗啡).
 */

/** English: the usual function words plus support-chat filler (hi, please, thanks, need, want...). */
export const EN_STOP = new Set(
  `a about above after again all am an and any are as at be been before being below between both but by
  can could did do does doing done down during each else ever few for from further had has have having he
  her here hers him his how i if in into is it its itself just let me more most my myself no nor not of
  off on once only or other ought our ours out over own same she should so some such than that the their
  theirs them then there these they this those through to too under until up very was we were what
  which while who whom why will with would you your yours yourself yourselves us also yet still
  hi hello hey dear thanks thank thx please pls plz kindly sorry ok okay yes yeah hmm um
  want wanted wanting need needed needs like would wondering wonder know tell ask asking question
  anyone someone somebody something anything possible able way ways really actually just maybe
  im ive id ill dont doesnt didnt cant cannot couldnt wont wouldnt isnt arent wasnt havent hasnt
  get got getting gets go going make made must might may shall help problem problems issue issues trouble much many`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Chinese question filler and function words (folded to simplified). Content-bearing single
 * characters (钱, 货, 退, 换...) are deliberately not here.
 */
export const ZH_STOP = new Set(
  `的 了 吗 呢 吧 啊 呀 哦 喔 嘛 么 哈 嗯 哎 诶 啦 咯 滴 之 着 过 地 得
  我 我们 你 你们 您 他 她 它 他们 她们 咱 咱们 自己 大家 人家
  是 在 有 和 与 及 或 或者 也 都 就 还 又 才 再 很 太 挺 更 最 非常 特别 比较
  要 想 想要 会 能 能够 可以 可 可能 应该 需要 得要 必须 请 请问 麻烦 帮 帮忙 帮我 一下 下
  如何 怎么 怎样 怎么样 怎么办 怎么回事 咋 咋办 为什么 为何 什么 啥 哪些 哪个 多少 多久 多长 多长时间 几 几天
  是否 能否 可否 能不能 可不可以 会不会 是不是 有没有 要不要 行不行 好不好 可以吗
  这 那 这个 那个 这些 那些 这样 那样 这边 那边 这里 那里 一个 一些 一点 一般 一直 已经 现在 刚刚 刚才
  你好 您好 谢谢 感谢 多谢 麻烦您 不好意思 打扰 打扰一下 请教 咨询 问 问下 问一下 想问 想问下 问题
  因为 所以 但是 但 然后 如果 的话 就是 还是 而且 并且 以及 对 对于 关于 把 被 让 给 从 向 跟 同 为 以 于 由 到
  个 些 种 样 次 件 呗 哟 嘞 吖 噢 呐 不 没 没有 无法 不能 不了`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Interrogatives that name what kind of answer is wanted without naming a topic: "where is my order"
 * is a tracking question, 什么时候退款 a timing one. They are indexed and searched like any word, but
 * weigh nothing in the confidence rule, so "where" alone never makes a question look answered.
 */
export const WEAK = new Set(['where', 'when', '哪', '哪里', '哪儿', '什么时候', '啥时候', '何时']);
