import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const CONTACT: DemoArticle[] = [
  {
    key: 'hours',
    category: 'contact',
    versions: {
      en: {
        title: 'When is customer service open?',
        body: md`
          Our support team is available **Monday to Friday, 9:00-18:00 (UTC+8)**, that is Beijing, Hong Kong and Taipei time, or 01:00-10:00 UTC. We're closed at weekends and on public holidays in mainland China, Hong Kong and Taiwan; holiday closures are announced on the home page a week ahead.

          Outside those hours:
          - The **assistant** in the chat window answers around the clock and can find help articles for you.
          - Chat messages and emails sent out of hours are answered on the next business day, in the order they arrived.
          - The phone line is closed, and there is no voicemail.

          Typical response times during opening hours:
          - live chat: within 1 minute;
          - email to [support@acme.test](mailto:support@acme.test): within 1 business day;
          - complaints: within 2 working hours.

          **Pickup points, couriers and installation technicians keep their own hours**, which may include weekends; the technician agrees the visit time with you directly.

          Need to reach us? See [How can I contact customer service?](https://acme.test/help/contact).
        `,
      },
      'zh-CN': {
        title: '客服什么时间上班？',
        body: md`
          我们的客服团队服务时间为**周一至周五 9:00-18:00（UTC+8）**，即北京、香港、台北时间，相当于 UTC 01:00-10:00。周末以及中国大陆、香港、台湾的法定节假日休息，节假日安排会提前一周在首页公布。

          非工作时间：
          - 聊天窗口中的**智能助手**全天候在线，可以帮你查找帮助文章。
          - 非工作时间发来的聊天消息和邮件，会在下一个工作日按顺序回复。
          - 电话热线暂停服务，也不提供语音留言。

          工作时间内的一般响应时间：
          - 在线聊天：1 分钟内；
          - 发送至 [support@acme.test](mailto:support@acme.test) 的邮件：1 个工作日内；
          - 投诉：2 个工作小时内。

          **自提点、快递公司和安装师傅的工作时间另行安排**，可能包括周末；上门安装的时间由师傅直接与你约定。

          需要联系我们？请看[如何联系客服？](https://acme.test/help/contact)。
        `,
      },
      'zh-TW': {
        title: '客服的服務時間是什麼時候？',
        body: md`
          我們的客服團隊服務時間為**週一至週五 9:00-18:00（UTC+8）**，也就是台北、香港、北京時間，相當於 UTC 01:00-10:00。週末及台灣、香港、中國大陸的國定假日休息，假日異動會提前一週公告在首頁。

          非服務時間：
          - 聊天視窗中的**智慧助理**全天候在線，可以協助你查詢說明文章。
          - 非服務時間傳來的訊息與電子郵件，會在下一個工作天依序回覆。
          - 客服專線暫停服務，也不提供語音留言。

          服務時間內的一般回覆時間：
          - 線上客服：1 分鐘內；
          - 寄到 [support@acme.test](mailto:support@acme.test) 的電子郵件：1 個工作天內；
          - 客訴：2 個工作小時內。

          **取貨點、物流業者與安裝技師的服務時間另有安排**，可能包含週末；到府安裝時間由技師直接與你約定。

          需要聯絡我們？請見[如何聯絡客服？](https://acme.test/help/contact)。
        `,
      },
    },
  },
  {
    key: 'contact',
    category: 'contact',
    versions: {
      en: {
        title: 'How can I contact customer service?',
        body: md`
          The quickest way is the **chat** on this page: our assistant answers at once, and you can ask for a person at any time during opening hours (Monday to Friday, 9:00-18:00 UTC+8).

          Other ways to reach us:
          - **Email**: [support@acme.test](mailto:support@acme.test). We reply within 1 business day.
          - **Phone**: +1 555 0100, during opening hours. Calls from mainland China, Hong Kong and Taiwan are charged as international calls by your carrier, so chat may be cheaper.
          - **Business and bulk orders**: [business@acme.test](mailto:business@acme.test).
          - **Privacy and personal data**: [privacy@acme.test](mailto:privacy@acme.test).

          To help us help you faster, have ready:
          1. your **order number** (it starts with AD and is in your confirmation email);
          2. the email address or phone number on your account;
          3. photos or a short video if something is broken.

          **Please don't send card numbers, passwords or verification codes in any message.** We will never ask for them.

          Our office doesn't receive visitors or returns sent without a label; use the prepaid return label instead.
        `,
      },
      'zh-CN': {
        title: '如何联系客服？',
        body: md`
          最快的方式是使用本页面的**在线聊天**：智能助手会立即回复，在服务时间内（周一至周五 9:00-18:00，UTC+8）你随时可以要求转接人工客服。

          其他联系方式：
          - **邮件**：[support@acme.test](mailto:support@acme.test)，我们会在 1 个工作日内回复。
          - **电话**：+1 555 0100，仅在服务时间内接听。从中国大陆、香港、台湾拨打将按国际长途计费，使用在线聊天可能更省钱。
          - **企业采购与批量订单**：[business@acme.test](mailto:business@acme.test)。
          - **隐私与个人信息**：[privacy@acme.test](mailto:privacy@acme.test)。

          为了更快为你处理，请提前准备：
          1. **订单号**（以 AD 开头，可在下单确认邮件中找到）；
          2. 账户绑定的邮箱或手机号；
          3. 如商品有损坏，请准备照片或短视频。

          **请不要在任何消息中发送银行卡号、密码或验证码。** 我们绝不会向你索要这些信息。

          我们的办公室不接待来访，也不接收没有贴退货标签的包裹，请使用预付退货标签寄回。
        `,
      },
      'zh-TW': {
        title: '如何聯絡客服？',
        body: md`
          最快的方式是使用本頁面的**線上客服**：智慧助理會立即回覆，在服務時間內（週一至週五 9:00-18:00，UTC+8）隨時可以要求轉接真人客服。

          其他聯絡方式：
          - **電子郵件**：[support@acme.test](mailto:support@acme.test)，我們會在 1 個工作天內回覆。
          - **電話**：+1 555 0100，僅在服務時間內接聽。從台灣、香港、中國大陸撥打會以國際電話計費，使用線上客服可能比較划算。
          - **企業採購與大量訂購**：[business@acme.test](mailto:business@acme.test)。
          - **隱私權與個人資料**：[privacy@acme.test](mailto:privacy@acme.test)。

          為了加快處理速度，請先準備：
          1. **訂單編號**（以 AD 開頭，可在訂單確認信中找到）；
          2. 帳號綁定的電子郵件或手機號碼；
          3. 若商品損壞，請準備照片或短片。

          **請勿在任何訊息中傳送信用卡號、密碼或驗證碼。** 我們絕不會向你索取這些資料。

          我們的辦公室不接待訪客，也不收取未貼退貨標籤的包裹，請使用預付退貨標籤寄回。
        `,
      },
    },
  },
  {
    key: 'complaints',
    category: 'contact',
    versions: {
      en: {
        title: 'How do I make a complaint or escalate a problem?',
        body: md`
          We're sorry if something went wrong. Here's how to make sure a complaint reaches the right people:

          1. Contact us by chat, or email [support@acme.test](mailto:support@acme.test) with **"Complaint"** and your order number in the subject. Explain what happened and the outcome you'd like.
          2. A team lead replies **within 2 working hours** during opening hours and gives you a case number.
          3. Not happy with the answer? Reply to that email asking for escalation. A customer relations manager reviews the case and replies within 48 hours.
          4. If it's still unresolved, the case goes to our head of customer experience, who gives a final written answer within 72 hours.

          You can also contact the consumer protection body where you live:
          - mainland China: the 12315 consumer hotline;
          - Hong Kong: the Consumer Council;
          - Taiwan: the 1950 consumer service hotline;
          - elsewhere: your national consumer agency.

          **Please keep the case number and all related emails**; they make an escalation or an outside review much faster. A complaint never affects your orders, returns or warranty claims.
        `,
      },
      'zh-CN': {
        title: '如何投诉或升级处理问题？',
        body: md`
          如果我们让你失望了，非常抱歉。按以下步骤，投诉可以更快交到负责人手中：

          1. 通过在线聊天联系我们，或发邮件至 [support@acme.test](mailto:support@acme.test)，标题注明**“投诉”**和订单号，说明发生了什么以及你希望的解决方式。
          2. 客服主管会在服务时间内 **2 个工作小时内** 回复，并提供一个工单编号。
          3. 对处理结果不满意？直接回复该邮件要求升级。客户关系经理会复核案件，并在 48 小时内答复。
          4. 如果问题仍未解决，将提交给客户体验负责人，在 72 小时内给出最终书面答复。

          你也可以联系所在地的消费者保护机构：
          - 中国大陆：12315 消费者投诉热线；
          - 香港：消费者委员会；
          - 台湾：1950 消费者服务专线；
          - 其他地区：当地的消费者保护机构。

          **请保留工单编号和所有相关邮件**，升级处理或第三方调解时会快很多。投诉不会影响你的订单、退货或保修申请。
        `,
      },
      'zh-TW': {
        title: '如何客訴或要求進一步處理？',
        body: md`
          如果我們讓你失望了，真的很抱歉。依照以下步驟，能讓你的客訴更快交到負責的人手上：

          1. 透過線上客服與我們聯絡，或寄信至 [support@acme.test](mailto:support@acme.test)，主旨註明**「客訴」**與訂單編號，說明發生的經過以及你希望的處理方式。
          2. 客服主管會在服務時間內 **2 個工作小時內** 回覆，並提供案件編號。
          3. 對處理結果不滿意？直接回覆該信件要求進一步處理。客戶關係經理會重新審視案件，並於 48 小時內答覆。
          4. 若問題仍未解決，案件將轉交客戶體驗主管，於 72 小時內提供最終書面回覆。

          你也可以向當地的消費者保護單位申訴：
          - 台灣：1950 消費者服務專線；
          - 香港：消費者委員會；
          - 中國大陸：12315 消費者投訴熱線；
          - 其他地區：當地的消費者保護機關。

          **請保留案件編號與所有相關信件**，進一步處理或第三方調解時會快很多。客訴不會影響你的訂單、退貨或保固申請。
        `,
      },
    },
  },
];
