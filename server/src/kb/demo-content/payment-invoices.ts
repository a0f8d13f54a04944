import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const PAYMENT_INVOICES: DemoArticle[] = [
  {
    key: 'payment',
    category: 'payment-invoices',
    versions: {
      en: {
        title: 'Which payment methods do you accept?',
        keywords: ['Alipay', 'WeChat Pay', 'PayPal'],
        body: md`
          You can pay with:
          - **cards**: Visa, Mastercard and American Express (credit or debit);
          - **PayPal**;
          - **Alipay** and **WeChat Pay**.

          Your card or account is charged when you place the order, in the currency shown at checkout. Pre-orders are charged when you order too.

          We don't accept:
          - cash on delivery or paying at a pickup point;
          - UnionPay cards, cheques, or cryptocurrency such as Bitcoin;
          - bank transfer, except for approved business customers (see [business and bulk orders](https://acme.test/help/bulk-orders)).

          Orders of US$300 or more can also be split into installments with some banks, Huabei or PayPal; see [Can I pay in installments?](https://acme.test/help/installments).

          Payments are processed by certified payment providers; we never see or store your full card number. **Acme Demo staff will never ask for your card number, CVV or a verification code in chat, by email or on the phone.**
        `,
      },
      'zh-CN': {
        title: '支持哪些付款方式？',
        keywords: ['支付宝', '微信支付', 'PayPal'],
        body: md`
          你可以使用以下方式付款：
          - **银行卡**：Visa、Mastercard、American Express（信用卡或借记卡）；
          - **PayPal**；
          - **支付宝**和**微信支付**。

          下单时即扣款，币种以结算页显示为准。预售商品同样在下单时付款。

          暂不支持：
          - 货到付款或自提点付款；
          - 银联卡、支票，以及比特币等加密货币；
          - 银行转账（审核通过的企业客户除外，见[企业采购与批量订单](https://acme.test/help/bulk-orders)）。

          满 300 美元的订单还可以通过部分银行、花呗或 PayPal 分期付款，详见[可以分期付款吗？](https://acme.test/help/installments)。

          所有付款由经过认证的支付机构处理，我们不会看到也不会保存你的完整卡号。**Acme Demo 的工作人员绝不会通过聊天、邮件或电话向你索要卡号、CVV 安全码或验证码。**
        `,
      },
      'zh-TW': {
        title: '接受哪些付款方式？',
        keywords: ['支付寶', '微信支付', 'PayPal'],
        body: md`
          你可以使用以下方式付款：
          - **信用卡／金融卡**：Visa、Mastercard、American Express；
          - **PayPal**；
          - **支付寶**與**微信支付**。

          下單時即會扣款，幣別以結帳頁面顯示為準。預購商品同樣在下單時付款。

          目前不接受：
          - 貨到付款或超商取貨付款；
          - 銀聯卡、支票，以及比特幣等加密貨幣；
          - 銀行匯款（審核通過的企業客戶除外，請見[企業採購與大量訂購](https://acme.test/help/bulk-orders)）。

          滿 300 美元的訂單也可以透過合作銀行信用卡、花唄或 PayPal 分期付款，詳見[可以分期付款嗎？](https://acme.test/help/installments)。

          所有付款皆由通過認證的金流業者處理，我們不會看到也不會儲存你的完整卡號。**Acme Demo 的員工絕不會透過聊天、電子郵件或電話向你索取卡號、卡片背面末三碼或驗證碼。**
        `,
      },
    },
  },
  {
    key: 'payment-failed',
    category: 'payment-invoices',
    versions: {
      en: {
        title: 'Why was my payment declined?',
        body: md`
          If checkout says your payment didn't go through, the most common reasons are:
          - the card's 3-D Secure check (a code from your bank app or SMS) wasn't completed or timed out;
          - the billing address doesn't match the one your bank has on file;
          - the card has expired, or its daily or online spending limit was reached;
          - your bank blocks online or foreign-currency payments by default;
          - your Alipay or WeChat Pay balance is too low, or the linked bank card has a single-payment limit.

          What to do:
          1. Check the card details and billing address, then try again.
          2. Try a different card, or switch to PayPal, Alipay or WeChat Pay.
          3. If it still fails, call the number on the back of your card: only your bank can see why it said no.

          Your basket and prices are kept for **30 minutes** after a failed attempt. **Avoid retrying more than three times in a row**; repeated attempts can make your bank block the card.

          Seeing a charge even though the order failed? That's a temporary authorisation, not a payment. Your bank releases it automatically, usually within 5 business days.
        `,
      },
      'zh-CN': {
        title: '为什么付款失败？',
        body: md`
          如果结算时提示付款没有成功，常见原因有：
          - 没有完成银行的 3-D Secure 验证（银行 App 或短信里的验证码），或验证超时；
          - 账单地址与银行登记的地址不一致；
          - 卡片已过期，或已达到每日或网上支付限额；
          - 发卡银行默认关闭了网上支付或境外、外币交易；
          - 支付宝、微信支付余额不足，或绑定的银行卡有单笔限额。

          可以这样处理：
          1. 核对卡片信息和账单地址后再试一次。
          2. 换一张卡，或改用 PayPal、支付宝、微信支付。
          3. 仍然失败的话，请拨打卡片背面的银行客服电话：只有银行能看到拒绝的具体原因。

          付款失败后，购物车和价格会为你保留 **30 分钟**。**请不要连续尝试超过三次**，频繁重试可能导致银行冻结你的卡。

          订单没成功却看到一笔扣款？那是临时预授权，不是实际扣款，银行会自动释放，通常在 5 个工作日内。
        `,
      },
      'zh-TW': {
        title: '為什麼付款失敗？',
        body: md`
          如果結帳時顯示付款未成功，常見原因有：
          - 沒有完成銀行的 3D 驗證（銀行 App 或簡訊中的 OTP 驗證碼），或驗證逾時；
          - 帳單地址與銀行登記的地址不符；
          - 卡片已過期，或已達單日／網路消費額度上限；
          - 發卡銀行預設關閉網路交易或海外、外幣交易；
          - 支付寶、微信支付餘額不足，或綁定的銀行卡有單筆限額。

          建議處理方式：
          1. 確認卡片資料與帳單地址後再試一次。
          2. 換一張卡，或改用 PayPal、支付寶、微信支付。
          3. 若仍然失敗，請撥打卡片背面的銀行客服專線：只有發卡銀行知道拒絕交易的原因。

          付款失敗後，購物車與價格會為你保留 **30 分鐘**。**請勿連續嘗試超過三次**，頻繁重試可能導致銀行暫停你的卡片。

          訂單沒成立卻看到一筆款項？那是暫時的授權保留，並非實際扣款，銀行會自動取消，通常在 5 個工作天內。
        `,
      },
    },
  },
  {
    key: 'installments',
    category: 'payment-invoices',
    versions: {
      en: {
        title: 'Can I pay in installments?',
        keywords: ['Huabei', 'Pay in 4'],
        body: md`
          Yes, on orders of **US$300 or more** (or the equivalent). The options depend on where you live:

          - **Taiwan**: 3, 6 or 12 monthly installments at 0% interest with credit cards from participating banks, including CTBC, Cathay United and Taishin. Choose **Credit card installments** at checkout.
          - **Hong Kong**: 0% installments over 3 to 12 months with participating banks' credit cards.
          - **Mainland China**: Huabei installments through Alipay, in 3, 6 or 12 payments. Any handling fee is shown by Alipay before you confirm.
          - **United States, United Kingdom and Australia**: PayPal Pay in 4 (Pay in 3 in the UK), interest-free, subject to PayPal's approval.

          Things to know:
          - The full amount is reserved on your card's credit limit at once; your bank then bills it monthly.
          - If you return an item, the refund reduces the remaining installments; the plan itself is run by your bank or provider.
          - Rewards points are earned on the full order value.

          **Approval is decided by your bank, Alipay or PayPal, not by Acme Demo**, so we can't see or change the reason a plan was refused.
        `,
      },
      'zh-CN': {
        title: '可以分期付款吗？',
        keywords: ['花呗', '分期'],
        body: md`
          可以，订单金额满 **300 美元**（或等值货币）即可分期，具体方式取决于你所在的地区：

          - **中国大陆**：通过支付宝使用花呗分期，可选 3、6、12 期，手续费以支付宝确认页面显示为准。
          - **台湾**：使用合作银行（包括中国信托、国泰世华、台新银行）的信用卡，享 3、6、12 期零利率分期，结算时选择**信用卡分期**。
          - **香港**：合作银行信用卡 3 至 12 个月免息分期。
          - **美国、英国和澳大利亚**：PayPal 先买后付，分 4 期（英国为 3 期）免息，需通过 PayPal 审核。

          注意事项：
          - 分期总额会一次性占用信用卡额度，之后由银行按月出账。
          - 如果退货，退款会冲减剩余的分期金额；分期计划本身由银行或支付机构管理。
          - 会员积分按订单全额累积。

          **分期能否通过由银行、支付宝或 PayPal 决定，而不是 Acme Demo**，所以我们无法查看或更改被拒的原因。
        `,
      },
      'zh-TW': {
        title: '可以分期付款嗎？',
        keywords: ['分期零利率', '花唄'],
        body: md`
          可以，訂單金額滿 **300 美元**（或等值貨幣）即可分期，方式依所在地區而定：

          - **台灣**：使用合作銀行（包括中國信託、國泰世華、台新銀行）信用卡，享 3、6、12 期分期零利率，結帳時請選擇**信用卡分期**。
          - **香港**：合作銀行信用卡 3 至 12 個月免息分期。
          - **中國大陸**：透過支付寶使用花唄分期，可選 3、6、12 期，手續費以支付寶確認頁面為準。
          - **美國、英國、澳洲**：PayPal 先買後付，分 4 期（英國為 3 期）免利息，需通過 PayPal 審核。

          注意事項：
          - 分期總額會一次佔用信用卡額度，之後由銀行按月請款。
          - 如有退貨，退款會從剩餘期數中扣抵；分期方案本身由銀行或金流業者管理。
          - 會員點數依訂單全額累積。

          **分期是否核准由銀行、支付寶或 PayPal 決定，而非 Acme Demo**，因此我們無法查詢或更改被拒絕的原因。
        `,
      },
    },
  },
  {
    key: 'invoices',
    category: 'payment-invoices',
    versions: {
      en: {
        title: 'How do I get an invoice or receipt?',
        body: md`
          An electronic invoice is created for every order and **emailed to you when the order ships**. It also serves as your receipt. To download it again:

          1. Open [My orders](https://acme.test/account/orders) and select the order.
          2. Choose **Invoice** to download the PDF.

          **Invoice for a company?** Enter the company name and tax ID in the **Invoice details** step at checkout. Forgot? Choose **Request invoice change** on the order within 30 days of shipping and we'll reissue it.

          Regional rules:
          - **Mainland China**: we issue electronic general VAT invoices (fapiao). Special VAT invoices are for business accounts only.
          - **Taiwan**: we issue e-invoices (uniform invoices). Save them to your mobile barcode carrier or member carrier, donate them with a charity's donation code, or add your company's unified business number.
          - **Other regions**: the invoice shows the VAT or GST included in your order.

          **An invoice can't be changed more than 30 days after it was issued.** Returns cancel or adjust the invoice automatically, so you never need to send it back.
        `,
      },
      'zh-CN': {
        title: '如何开发票？',
        body: md`
          每笔订单都会开具电子发票，**订单发货时会通过邮件发送给你**，同时也可作为付款凭证。如需重新下载：

          1. 打开[我的订单](https://acme.test/account/orders)，选择该订单。
          2. 点击**发票**即可下载 PDF 文件。

          **需要公司抬头？** 在结算页的**发票信息**中填写公司名称和纳税人识别号（统一社会信用代码）。下单时忘了填写，可在发货后 30 天内在订单页点击**申请修改发票**，我们会重新开具。

          各地区说明：
          - **中国大陆**：开具增值税电子普通发票；增值税专用发票仅向企业账户开具。
          - **台湾**：开具电子发票（统一发票），可存入手机条码载具或会员载具、以爱心码捐赠，或填写公司统一编号。
          - **其他地区**：发票上会列明订单所含的增值税或消费税。

          **发票开具超过 30 天后无法再修改。** 退货时系统会自动作废或红冲发票，无需寄回。
        `,
      },
      'zh-TW': {
        title: '如何開立發票或收據？',
        body: md`
          每筆訂單都會開立電子發票，**訂單出貨時以電子郵件寄給你**，同時也可以當作付款收據。如需重新下載：

          1. 開啟[我的訂單](https://acme.test/account/orders)，點選該筆訂單。
          2. 點選**發票**即可下載 PDF 檔案。

          **需要打統編？** 請在結帳頁的**發票資訊**填寫公司抬頭與統一編號。下單時忘了填寫，可在出貨後 30 天內於訂單頁點選**申請更改發票**，我們會重新開立。

          各地區說明：
          - **台灣**：開立電子發票（統一發票），可存入手機條碼載具或會員載具、以愛心碼捐贈，或填寫公司統一編號。
          - **中國大陸**：開立增值稅電子普通發票；增值稅專用發票僅提供給企業帳號。
          - **其他地區**：發票上會列出訂單所含的加值稅或商品及服務稅（GST）。

          **發票開立超過 30 天後即無法更改。** 辦理退貨時系統會自動作廢或折讓發票，不需要寄回。
        `,
      },
    },
  },
  {
    key: 'coupons',
    category: 'payment-invoices',
    versions: {
      en: {
        title: 'How do I use a promo code or coupon?',
        body: md`
          Enter the code at checkout:

          1. Add your items to the basket and go to checkout.
          2. In the **Promo code** field, type or paste the code (capital letters don't matter) and select **Apply**.
          3. The discount appears in the order summary before you pay.

          The rules:
          - **One code per order.** Codes can't be combined with each other, but you can still use Rewards points on top.
          - Some codes need a minimum spend or exclude certain brands, clearance items and certified refurbished products. The conditions are in the email or page where you got the code.
          - Every code has an expiry date, and most can be used once per account.

          **A code can't be added after the order is placed.** If you forgot it, cancel the order while it is still Processing and order again with the code.

          Code not working? Check that it hasn't expired, that your basket meets the minimum spend, and that no space was copied at the start or end. Subscribing to our newsletter gets you a welcome code for 10% off your first order (up to US$20).
        `,
      },
      'zh-CN': {
        title: '如何使用优惠码或优惠券？',
        body: md`
          在结算时输入优惠码即可：

          1. 把商品加入购物车，进入结算页。
          2. 在**优惠码**一栏输入或粘贴优惠码（不区分大小写），点击**使用**。
          3. 付款前，订单摘要中会显示优惠金额。

          使用规则：
          - **每个订单只能使用一个优惠码**，优惠码之间不能叠加，但可以同时使用会员积分抵扣。
          - 部分优惠码有最低消费要求，或不适用于某些品牌、清仓商品和官方翻新商品，具体条件以发放优惠码的邮件或页面为准。
          - 每个优惠码都有有效期，大多数每个账户限用一次。

          **下单后无法再补用优惠码。** 如果忘了使用，可以在订单“处理中”时取消，再用优惠码重新下单。

          优惠码用不了？请检查是否已过期、购物车是否达到最低消费，以及前后有没有多复制了空格。订阅我们的邮件通讯，可获得首单 9 折的欢迎优惠码（最多减 20 美元）。
        `,
      },
      'zh-TW': {
        title: '如何使用折扣碼或優惠券？',
        body: md`
          結帳時輸入折扣碼即可：

          1. 將商品加入購物車，前往結帳頁面。
          2. 在**折扣碼**欄位輸入或貼上代碼（不分大小寫），點選**套用**。
          3. 付款前，訂單摘要就會顯示折抵金額。

          使用規則：
          - **每筆訂單限用一組折扣碼**，折扣碼不能合併使用，但仍可同時折抵會員點數。
          - 部分折扣碼有最低消費門檻，或不適用於特定品牌、出清品及原廠整新品，條件請以取得代碼的信件或頁面說明為準。
          - 每組折扣碼都有使用期限，大多數每個帳號限用一次。

          **訂單成立後就無法再補用折扣碼。** 如果忘了輸入，可以趁訂單還在「處理中」時取消，再重新下單並套用折扣碼。

          折扣碼無法使用？請確認是否已過期、購物車金額是否達到門檻，以及前後是否多複製了空格。訂閱電子報即可獲得首筆訂單 9 折的歡迎折扣碼（最高折抵 20 美元）。
        `,
      },
    },
  },
];
