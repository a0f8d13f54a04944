/**
 * What the people in the generated history say, in the three languages the product speaks. Short,
 * ordinary lines of a shop's support desk: the point is that lists, transcripts and report comments
 * read like a real desk's, not that any two conversations differ in substance. `{n}` is replaced by
 * a number (an order, a parcel) so the same line does not repeat verbatim.
 */
import type { Locale } from '@parley/protocol';

export type Lines = Record<Locale, readonly string[]>;

/** Questions the bot cannot answer from the help center: they end up handed off or as knowledge-base gaps. */
export const OFF_TOPIC_QUESTIONS: Lines = {
  en: [
    'Do you sell gift cards?',
    'Is the blue version coming back in stock?',
    'Can I book a product demo for my team?',
    'My discount code says it is invalid',
    'Do you price match other shops?',
    'I was charged twice for one order',
    'The app crashes when I open my orders',
    'Can you ship to a PO box?',
    'Are you hiring in Shanghai?',
    'Which model is better for a small flat?',
  ],
  'zh-CN': [
    '你们有礼品卡吗？',
    '蓝色款什么时候补货？',
    '可以给我们团队预约产品演示吗？',
    '优惠码显示无效',
    '你们能保价吗？',
    '一个订单被扣了两次款',
    '打开“我的订单”时 App 闪退',
    '可以寄到快递柜吗？',
    '上海的门店在招聘吗？',
    '小户型选哪个型号比较好？',
  ],
  'zh-TW': [
    '你們有禮品卡嗎？',
    '藍色款什麼時候補貨？',
    '可以幫我們團隊預約產品展示嗎？',
    '優惠碼顯示無效',
    '你們有價格保證嗎？',
    '同一筆訂單被重複扣款',
    '打開「我的訂單」時 App 閃退',
    '可以寄到智取櫃嗎？',
    '台北門市有在徵人嗎？',
    '小坪數選哪個型號比較好？',
  ],
};

/** Asking for a person outright (the bot hands off without trying). */
export const ASK_PERSON: Lines = {
  en: ['Can I talk to a person please', 'human please', 'I need to speak to someone'],
  'zh-CN': ['转人工', '我要人工客服', '麻烦帮我转人工'],
  'zh-TW': ['轉真人客服', '我要找真人', '麻煩幫我轉真人客服'],
};

/** What a visitor writes while waiting in the queue. */
export const WAITING: Lines = {
  en: ['Hello?', 'Is anyone there?', 'Still waiting…', 'My order number is {n}'],
  'zh-CN': ['你好？', '有人在吗？', '还在等…', '我的订单号是 {n}'],
  'zh-TW': ['你好？', '有人在嗎？', '還在等…', '我的訂單編號是 {n}'],
};

export const VISITOR_FOLLOW_UPS: Lines = {
  en: [
    'It is order {n}',
    'I ordered it last week',
    'Yes, that is the address',
    'The tracking page has not changed for three days',
    'OK, I will try that',
    'It still does not work',
    'Can you send me a confirmation by email?',
    'That would be great',
    'The email is the one on my account',
    'How long will that take?',
  ],
  'zh-CN': [
    '订单号是 {n}',
    '上周下的单',
    '对，就是这个地址',
    '物流信息三天没更新了',
    '好的，我试一下',
    '还是不行',
    '可以发邮件确认一下吗？',
    '那太好了',
    '就是账户上的那个邮箱',
    '大概需要多久？',
  ],
  'zh-TW': [
    '訂單編號是 {n}',
    '上週下的單',
    '對，就是這個地址',
    '物流資訊三天沒更新了',
    '好的，我試試看',
    '還是不行',
    '可以寄信確認一下嗎？',
    '那太好了',
    '就是帳號上的那個信箱',
    '大概需要多久？',
  ],
};

export const VISITOR_THANKS: Lines = {
  en: ['Thanks!', 'Thank you, that helps', 'Great, thanks a lot', 'ok bye'],
  'zh-CN': ['谢谢！', '谢谢，明白了', '好的，非常感谢', '好的，再见'],
  'zh-TW': ['謝謝！', '謝謝，了解了', '好的，非常感謝', '好，再見'],
};

export const AGENT_OPENERS: Lines = {
  en: ['Hi, this is {agent}. Let me look into that for you.', 'Hello! {agent} here, happy to help.', 'Hi there, thanks for waiting. What is your order number?'],
  'zh-CN': ['您好，我是{agent}，马上为您查询。', '您好！我是{agent}，很高兴为您服务。', '您好，久等了，请问订单号是多少？'],
  'zh-TW': ['您好，我是{agent}，馬上為您查詢。', '您好！我是{agent}，很高興為您服務。', '您好，久等了，請問訂單編號是多少？'],
};

export const AGENT_REPLIES: Lines = {
  en: [
    'I can see the order: it left our warehouse yesterday.',
    'I have asked the courier to check, you will get an email today.',
    'I have issued the refund; it shows on your card in 3 to 5 working days.',
    'Could you send me a photo of the serial number label?',
    'I have changed the delivery address for you.',
    'That model is in stock again from next Monday.',
    'I have sent you a new link by email.',
    'One moment please, I am checking with the warehouse.',
    'Your payment went through, the second charge is only a hold and disappears by itself.',
    'I have added a note to your account so the next colleague sees it.',
  ],
  'zh-CN': [
    '查到了，订单昨天已经出库。',
    '已经请快递公司核实，今天会给您发邮件。',
    '已为您办理退款，3 到 5 个工作日到账。',
    '麻烦拍一下序列号标签发给我好吗？',
    '已经帮您修改了收货地址。',
    '这款下周一会补货。',
    '已经把新链接发到您的邮箱。',
    '请稍等，我跟仓库确认一下。',
    '付款已经成功，第二笔只是预授权，会自动解除。',
    '我在您的账户里加了备注，下次同事也能看到。',
  ],
  'zh-TW': [
    '查到了，訂單昨天已經出貨。',
    '已經請物流公司確認，今天會寄信給您。',
    '已為您辦理退款，3 到 5 個工作天入帳。',
    '麻煩拍一下序號標籤傳給我好嗎？',
    '已經幫您修改收件地址。',
    '這款下週一會補貨。',
    '已經把新連結寄到您的信箱。',
    '請稍候，我跟倉庫確認一下。',
    '付款已經成功，第二筆只是預先授權，會自動取消。',
    '我在您的帳號加了備註，下次同事也看得到。',
  ],
};

export const AGENT_CLOSERS: Lines = {
  en: ['Is there anything else I can help with?', 'Glad I could help, have a nice day!', 'You are welcome. Have a good evening!'],
  'zh-CN': ['还有其他可以帮您的吗？', '很高兴能帮到您，祝您愉快！', '不客气，祝您晚上愉快！'],
  'zh-TW': ['還有其他可以幫您的嗎？', '很高興能幫上忙，祝您愉快！', '不客氣，祝您晚上愉快！'],
};

/** Ticket subjects and first messages per category slug (server/src/tickets/seed.ts). */
export const TICKET_TEXT: Record<string, Record<Locale, ReadonlyArray<readonly [subject: string, body: string]>>> = {
  complaint: {
    en: [
      ['Parcel arrived damaged', 'The box was crushed and the screen of the monitor is cracked. Order {n}.'],
      ['Rude courier', 'The courier threw the parcel over the fence and left. Order {n}.'],
      ['Refund still not received', 'You confirmed my return two weeks ago but the money is not back yet.'],
    ],
    'zh-CN': [
      ['收到的包裹破损', '外箱被压坏，显示器屏幕裂了。订单 {n}。'],
      ['快递员态度很差', '快递员把包裹扔进院子就走了。订单 {n}。'],
      ['退款一直没到账', '两周前就确认退货了，钱还没退回来。'],
    ],
    'zh-TW': [
      ['收到的包裹破損', '外箱被壓壞，螢幕裂了。訂單 {n}。'],
      ['物流人員態度很差', '物流人員把包裹丟進院子就走了。訂單 {n}。'],
      ['退款一直沒入帳', '兩週前就確認退貨了，錢還沒退回來。'],
    ],
  },
  inquiry: {
    en: [
      ['Bulk order for our office', 'We need 40 standing desks for a new office. Can you quote?'],
      ['Invoice with company name', 'Can I get an invoice for order {n} with our company name on it?'],
      ['Warranty in Singapore', 'Is the warranty valid if I move to Singapore?'],
    ],
    'zh-CN': [
      ['办公室批量采购', '新办公室需要 40 张升降桌，可以报价吗？'],
      ['开公司抬头发票', '订单 {n} 能开公司抬头的发票吗？'],
      ['海外保修', '搬到新加坡以后还能保修吗？'],
    ],
    'zh-TW': [
      ['辦公室大量採購', '新辦公室需要 40 張升降桌，可以報價嗎？'],
      ['開公司抬頭發票', '訂單 {n} 可以開公司抬頭的發票嗎？'],
      ['海外保固', '搬到新加坡以後還能保固嗎？'],
    ],
  },
  suggestion: {
    en: [
      ['Dark mode for the app', 'Please add a dark mode, the app is very bright at night.'],
      ['Pickup points in Pudong', 'More pickup points in Pudong would help a lot.'],
    ],
    'zh-CN': [
      ['App 希望有深色模式', '晚上用 App 太亮了，希望加一个深色模式。'],
      ['浦东多设几个自提点', '希望在浦东多设几个自提点。'],
    ],
    'zh-TW': [
      ['App 希望有深色模式', '晚上用 App 太亮了，希望加一個深色模式。'],
      ['高雄多設幾個取貨點', '希望在高雄多設幾個取貨點。'],
    ],
  },
  praise: {
    en: [['Great service from your team', 'The agent on chat solved my problem in five minutes. Thank you!']],
    'zh-CN': [['客服很棒', '在线客服五分钟就帮我解决了问题，谢谢！']],
    'zh-TW': [['客服很棒', '線上客服五分鐘就幫我解決了問題，謝謝！']],
  },
  'suggestion-box': {
    en: [
      ['Canteen opening hours', 'Could the canteen stay open until 14:00? Many of us eat late.'],
      ['Meeting-free Fridays', 'A meeting-free afternoon each week would help us get work done.'],
    ],
    'zh-CN': [
      ['食堂营业时间', '食堂能不能开到 14 点？很多同事吃饭比较晚。'],
      ['周五下午不开会', '建议每周留一个下午不开会，专心做事。'],
    ],
    'zh-TW': [
      ['餐廳營業時間', '餐廳能不能開到 14 點？很多同事比較晚吃飯。'],
      ['週五下午不開會', '建議每週留一個下午不開會，專心做事。'],
    ],
  },
  'internal-message': {
    en: [
      ['Laptop replacement', 'My laptop battery lasts 20 minutes; can I get a replacement?'],
      ['Access to the shared drive', 'I cannot open the sales folder on the shared drive since Monday.'],
    ],
    'zh-CN': [
      ['更换笔记本电脑', '笔记本电池只能用 20 分钟，可以换一台吗？'],
      ['共享盘权限', '从周一开始打不开共享盘里的销售文件夹。'],
    ],
    'zh-TW': [
      ['更換筆電', '筆電電池只能撐 20 分鐘，可以換一台嗎？'],
      ['共用磁碟權限', '從週一開始打不開共用磁碟裡的業務資料夾。'],
    ],
  },
  urgent: {
    en: [
      ['Water leak in the server room', 'There is water on the floor of the server room on the 3rd floor.'],
      ['Checkout is down', 'Customers cannot pay on the website since 10 minutes.'],
    ],
    'zh-CN': [
      ['机房漏水', '三楼机房地上有水。'],
      ['网站无法结账', '十分钟前开始顾客在网站上无法付款。'],
    ],
    'zh-TW': [
      ['機房漏水', '三樓機房地上有水。'],
      ['網站無法結帳', '十分鐘前開始顧客在網站上無法付款。'],
    ],
  },
};

export const TICKET_AGENT_REPLIES: Lines = {
  en: [
    'Thank you for writing to us. I am looking into it and will come back to you shortly.',
    'Sorry about this. I have arranged a replacement; you will receive a tracking number by email.',
    'Thanks for the suggestion, I have passed it on to the team responsible.',
    'Could you send us a photo or the order number, so we can check?',
    'This is fixed now. Please let us know if anything is still wrong.',
  ],
  'zh-CN': [
    '感谢来信，我们正在处理，稍后回复您。',
    '非常抱歉，已为您安排换货，快递单号会通过邮件发送。',
    '谢谢您的建议，已转交相关团队。',
    '麻烦提供一下照片或订单号，方便我们核实。',
    '问题已经处理好了，如还有问题请告诉我们。',
  ],
  'zh-TW': [
    '感謝來信，我們正在處理，稍後回覆您。',
    '非常抱歉，已為您安排換貨，物流單號會以電子郵件寄送。',
    '謝謝您的建議，已轉交相關團隊。',
    '麻煩提供照片或訂單編號，方便我們確認。',
    '問題已經處理好了，如還有問題請告訴我們。',
  ],
};

export const TICKET_CUSTOMER_REPLIES: Lines = {
  en: ['Here is the photo you asked for.', 'The order number is {n}.', 'Thanks, but it is still not solved.'],
  'zh-CN': ['照片发给您了。', '订单号是 {n}。', '谢谢，不过问题还没解决。'],
  'zh-TW': ['照片傳給您了。', '訂單編號是 {n}。', '謝謝，不過問題還沒解決。'],
};

export const TICKET_NOTES: readonly string[] = [
  'Checked with the warehouse: shipped on time, courier delay.',
  'Customer called as well; same issue.',
  '仓库确认已按时发货，快递延误。',
  'Refund approved by the team lead.',
];

/** CSAT comments by score band (1-2, 3, 4-5). */
export const CSAT_COMMENTS: Record<'low' | 'mid' | 'high', Lines> = {
  high: {
    en: ['Quick and friendly, thank you!', 'Solved in minutes.', 'Very helpful agent.', 'Great service as always.'],
    'zh-CN': ['又快又热情，谢谢！', '几分钟就解决了。', '客服很专业。', '服务一如既往的好。'],
    'zh-TW': ['又快又親切，謝謝！', '幾分鐘就解決了。', '客服很專業。', '服務一如往常的好。'],
  },
  mid: {
    en: ['OK, but I had to wait a long time.', 'Answer was fine, the wait was not.'],
    'zh-CN': ['还行，就是等得有点久。', '回答没问题，排队太久。'],
    'zh-TW': ['還可以，就是等有點久。', '回答沒問題，排隊太久。'],
  },
  low: {
    en: ['Nobody solved my problem.', 'I had to explain everything twice.', 'Too slow.'],
    'zh-CN': ['问题没有解决。', '同样的问题要说两遍。', '太慢了。'],
    'zh-TW': ['問題沒有解決。', '同樣的問題要講兩次。', '太慢了。'],
  },
};

export const NPS_COMMENTS: Record<'low' | 'mid' | 'high', Lines> = {
  high: {
    en: ['Good products and people who answer.', 'I recommend you to everyone.'],
    'zh-CN': ['产品好，客服也靠谱。', '已经推荐给朋友了。'],
    'zh-TW': ['產品好，客服也可靠。', '已經推薦給朋友了。'],
  },
  mid: {
    en: ['Fine, delivery could be faster.'],
    'zh-CN': ['还不错，发货可以再快一点。'],
    'zh-TW': ['還不錯，出貨可以再快一點。'],
  },
  low: {
    en: ['Delivery is always late.', 'Prices went up too much.'],
    'zh-CN': ['发货总是延迟。', '涨价太多了。'],
    'zh-TW': ['出貨總是延遲。', '漲價太多了。'],
  },
};

export const KB_VOTE_COMMENTS: Record<'yes' | 'no', readonly string[]> = {
  yes: ['Clear, thanks', 'Exactly what I needed', '很清楚，谢谢', '很清楚，謝謝'],
  no: ['Does not cover my case', 'The steps are out of date', '没有说到我的情况', '沒有提到我的情況'],
};

/** Names for customers and employees; the history's visitors are mostly anonymous, as on a real site. */
export const PEOPLE: Record<Locale, readonly string[]> = {
  en: ['Emma Clarke', 'Liam Patel', 'Olivia Brown', 'Noah Wilson', 'Ava Martin', 'Lucas Green', 'Mia Scott', 'Ethan Hall'],
  'zh-CN': ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强'],
  'zh-TW': ['林怡君', '陳志明', '張雅婷', '王建宏', '李佳穎', '黃俊傑', '吳淑芬', '劉家豪'],
};

export const PAGES: readonly string[] = [
  'https://www.acme.example/',
  'https://www.acme.example/pricing',
  'https://www.acme.example/orders',
  'https://www.acme.example/products/standing-desk',
  'https://www.acme.example/products/robot-vacuum',
  'https://www.acme.example/help',
  'https://www.acme.example/checkout',
];

/** Extra agents the command line can add for a realistic per-agent report (`--extra-agents`). */
export const EXTRA_AGENT_NAMES: readonly string[] = [
  'Chen Wei', 'Lin Mei', 'Zhang Hao', 'Huang Ting', 'Wu Jie', 'Zhou Yan', 'Xu Lei', 'Sun Li', 'Ma Jun', 'Zhu Qing',
  'Hu Bin', 'Guo Xin', 'He Yu', 'Gao Fei', 'Luo Na', 'Liang Kai', 'Song Jia', 'Tang Min', 'Han Rui', 'Feng Lan',
];
