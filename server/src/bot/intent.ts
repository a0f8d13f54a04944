/**
 * What a message asks of the bot before it is a question for the knowledge base: a person, or nothing
 * at all (a greeting, a thank-you).
 *
 * Handoff is decided on the form of the request, not on words. "客服电话是多少" and "agent login not
 * working" contain 客服 and "agent" but ask something the knowledge base may answer; "转人工",
 * "human please" and "can I speak to an agent" ask for a person. A message asks for a person when:
 *
 * - the whole message names one, alone or with a request verb and politeness ("人工", "转人工",
 *   "真人客服", "我要找客服", "human please", "customer service", "I want a real person");
 * - or it asks to be transferred or connected to one ("帮我转人工", "connect me with an agent");
 * - or it asks to talk with one ("我想跟真人说话", "can I speak to an agent", "let me talk to someone");
 * - or it wants one here and now ("I need a human", "I'd like a person to help me", "我需要人工客服");
 *
 * and in every case it is not a question about that person ("客服电话是多少", "人工客服几点上班",
 * "when can I talk to a person", "how do I contact customer service": phone, hours, address or "how"
 * make it a question the knowledge base answers) nor a refusal ("不用转人工", "I don't need a human").
 * Transfer verbs (转/轉, "transfer me") only exist in chat, so "怎么转人工" is still a request.
 */

/** Lower case, full-width folded, apostrophes dropped (I'd -> id), other punctuation as spaces. */
function latinForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

/** Chinese has no spaces: compare without any, nor punctuation. */
function hanForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');
}

// ---------- English ----------

const WHO = String.raw`(?:(?:a|an|the|some|your|one of your|any)\s+)?(?:(?:real|live|actual|human|proper)\s+)?(?:human(?:\s+being)?s?|person|agent|operator|representative|rep|someone|somebody|staff(?:\s+member)?|customer\s+(?:service|support|care)(?:\s+(?:agent|rep|representative|person|team))?|support\s+(?:agent|person|team|staff)|manager|supervisor)`;
/** The same without indefinite ones: "I need someone to fix my fridge" is not a request for an agent. */
const WHO_DEFINITE = String.raw`(?:(?:a|an|the|your|one of your)\s+)?(?:(?:real|live|actual|human|proper)\s+)?(?:human(?:\s+being)?|person|agent|operator|representative|customer\s+(?:service|support|care)\s+(?:agent|rep|representative|person)|support\s+(?:agent|person)|manager|supervisor)`;
const POLITE = String.raw`(?:please|pls|plz|now|asap|thanks|thank you|right now|immediately)`;

const EN_REQUESTS: RegExp[] = [
  // The whole message names a person: "human", "human please", "I want a real person", "give me an agent".
  new RegExp(String.raw`^(?:(?:please|pls|hi|hello|hey|ok|okay)\s+)*(?:(?:i\s+(?:want|need|would like|wanna|d like)|id like|give me|get me|need|want)\s+)?(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+)?${WHO}(?:\s+${POLITE})*$`),
  // Transfer and connection: "connect me with an agent", "transfer me to a human", "put me through to someone".
  new RegExp(String.raw`\b(?:connect|transfer|put|pass|switch|forward|hand)\s+me\s+(?:over\s+|through\s+)?(?:to|with)\s+${WHO}\b`),
  // Conversation: "can I speak to an agent", "let me talk to a person", "I want to chat with a human".
  new RegExp(String.raw`\b(?:talk|speak|chat|get through)\s+(?:to|with)\s+${WHO}\b`),
  // Wanting one here and now: "I need a human", "I'd like a person to help me". Must end there.
  new RegExp(String.raw`\b(?:i\s+(?:want|need|would like|wanna|d like)|id like|give me|get me|find me)\s+${WHO_DEFINITE}(?:\s+(?:${POLITE}|here|to help me|to help))*$`),
  // "is there a human", "are there any real people", "is anyone there".
  new RegExp(String.raw`^(?:is there|are there)\s+(?:a|an|any)\s+(?:real\s+|live\s+)?(?:human|person|agent|people|humans)(?:\s+(?:here|there|around|available|i can talk to))?$`),
  /^(?:is\s+)?(?:any\s?one|any\s?body)\s+(?:there|here|around|real)$/,
];

/** Questions about the people rather than requests for one: hours, phone, contact details, "how". */
const EN_INFO = /\b(?:hours?|when|what time|phone|number|email|e mail|address|open|opening|salary|job|jobs|career|careers|hiring)\b/;
/** "I don't want to talk to a person", "no need for an agent", "don't transfer me". Not a bare "not": "not happy, let me talk to a person". */
const EN_NEGATION = /\b(?:dont|do not|no need|never)\b(?:\s+\S+){0,5}?\s+(?:human|humans|person|people|agent|operator|representative|transfer)\b/;

function englishRequest(text: string): boolean {
  const s = latinForm(text);
  if (!s || EN_NEGATION.test(s)) return false;
  const request = EN_REQUESTS.some((r) => r.test(s));
  return request && !EN_INFO.test(s);
}

// ---------- Chinese (both scripts) ----------

const TARGET = '(?:人工(?:客服|服务|服務|坐席|座席|服务员|服務員|客服人员|客服人員)?|真人(?:客服|服务|服務)?|客服(?:人员|人員|专员|專員|小姐|小姐姐)?|在线客服|在線客服|线上客服|線上客服|工作人员|工作人員|活人)';
const A = '(?:一个|一個|一位|个|個|位)?';
const PLEASE = '(?:我要|我想要|我想|我需要|需要|请|請|麻烦|麻煩|帮我|幫我|给我|給我|快|快点|快點|可以|能不能|能否|可否)?';
const TAIL = '(?:吧|啊|呀|呢|啦|谢谢|謝謝|好吗|好嗎|可以吗|可以嗎|行吗|行嗎|吗|嗎|在吗|在嗎|在不在|呢)*';

const ZH_WHOLE = new RegExp(`^${PLEASE}(?:转|轉|转接|轉接|接|找|叫|要|换|換)?${A}${TARGET}${TAIL}$`);
const ZH_TRANSFER = new RegExp(`(?:转|轉|转接|轉接|接通|切换|切換|换成|換成)(?:到|给|給|成)?${A}${TARGET}`);
const ZH_ASK = new RegExp(`(?:我要|我想要|我想|我需要|请|請|帮我|幫我|给我|給我|麻烦|麻煩)(?:找|联系|聯繫|聯絡|叫|要|接|呼叫)${A}${TARGET}`);
const ZH_TALK = new RegExp(`(?:跟|和|与|與|同|找)${A}${TARGET}(?:说话|說話|讲话|講話|聊|谈|談|沟通|溝通|对话|對話|交流)`);
const ZH_ANYONE = /^(?:有人吗|有人嗎|有人在吗|有人在嗎|有没有人|有沒有人|有真人吗|有真人嗎)$/;

const ZH_INFO = /电话|電話|号码|號碼|热线|熱線|邮箱|郵箱|信箱|邮件|郵件|地址|几点|幾點|时间|時間|上班|下班|营业|營業|多少|收费|收費|招聘|应聘|應徵|登录|登錄|登入|登陆|密码|密碼/;
const ZH_HOW = /如何|怎么|怎麼|怎样|怎樣|哪里|哪裡|方式|方法|途径|途徑/;
const ZH_NEGATION = /(?:不要|不用|不想|别|別|不需要|无需|無需|不必)(?:转|轉|转接|轉接|找|接|联系|聯繫|聯絡|跟|和)?(?:人工|真人|客服)/;

function chineseRequest(text: string): boolean {
  const s = hanForm(text);
  if (!/\p{Script=Han}/u.test(s) || ZH_NEGATION.test(s) || ZH_INFO.test(s)) return false;
  if (ZH_WHOLE.test(s) || ZH_ANYONE.test(s) || ZH_TRANSFER.test(s)) return true;
  return !ZH_HOW.test(s) && (ZH_ASK.test(s) || ZH_TALK.test(s));
}

/** True when the visitor asks to talk to a person (see the file comment for the rule). */
export function asksForPerson(text: string): boolean {
  if (typeof text !== 'string' || text.length > 500) return false;
  return chineseRequest(text) || englishRequest(text);
}

// ---------- small talk ----------

export type SmallTalk = 'greeting' | 'thanks' | 'empty';

const EN_GREETING = /^(?:(?:hi|hello|hey|hiya|yo|howdy|greetings|good (?:morning|afternoon|evening|day))(?: there| again| bot| assistant)?\s*)+$/;
const EN_THANKS = /^(?:(?:thanks|thank you|thank u|thx|ty|cheers|many thanks|ok|okay|k|great|cool|perfect|got it|i see|bye|goodbye|see you|all good|no thanks|nothing else|thats all|that s all)(?: (?:a lot|so much|very much|again|bye))?\s*)+$/;
const ZH_GREETING = /^(?:你好|您好|嗨|哈喽|哈囉|哈啰|在吗|在嗎|在不在|早上好|早安|下午好|晚上好|你好呀|您好呀|哈罗|hi|hello)+(?:啊|呀|呢)?$/;
const ZH_THANKS = /^(?:谢谢|謝謝|多谢|多謝|感谢|感謝|谢了|謝了|好的|好|ok|嗯|嗯嗯|明白了|知道了|了解|瞭解|懂了|没事了|沒事了|再见|再見|拜拜)+(?:你|您|啦|了|哈)*$/;

/**
 * Messages that are not questions: greetings, thanks, nothing but punctuation or emoji. The bot
 * replies politely; they are neither misses nor knowledge-base gaps.
 */
export function smallTalk(text: string): SmallTalk | null {
  if (typeof text !== 'string' || !/[\p{L}\p{N}]/u.test(text)) return 'empty';
  if (text.length > 80) return null;
  const latin = latinForm(text);
  const han = hanForm(text);
  if (EN_GREETING.test(latin) || ZH_GREETING.test(han)) return 'greeting';
  if (EN_THANKS.test(latin) || ZH_THANKS.test(han)) return 'thanks';
  return null;
}
