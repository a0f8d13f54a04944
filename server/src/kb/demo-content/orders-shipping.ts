import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const ORDERS_SHIPPING: DemoArticle[] = [
  {
    key: 'shipping',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'How long does delivery take, and how much does shipping cost?',
        body: md`
          Every order leaves our warehouse within **1 business day**. Orders paid before 15:00 (UTC+8) on a business day usually go out the same afternoon.

          **Standard delivery** then takes 2-5 business days to every destination we serve. Remote areas, such as Xinjiang, Tibet, outlying islands or rural Australia, can need up to 3 extra days.

          What it costs:
          - Standard shipping is **free on orders over US$50** (or the equivalent in your currency).
          - Below US$50, standard shipping is a flat US$4.99.
          - Express delivery (1-2 business days after dispatch) costs US$12 and is available in mainland China, Hong Kong and Taiwan.

          Large appliances such as washing machines and refrigerators travel with our appliance courier, who phones you to agree on a delivery slot. The 2-5 day estimate still applies.

          Once your parcel is on its way we email you a tracking link; see [Where is my order?](https://acme.test/help/tracking) for what each status means.
        `,
      },
      'zh-CN': {
        title: '发货要多久？运费怎么算？',
        body: md`
          所有订单都会在 **1 个工作日内** 从仓库发出。工作日 15:00（UTC+8）前付款的订单，通常当天下午就能发货。

          发货后，**标准配送** 需要 2-5 个工作日，覆盖我们支持的所有地区。偏远地区（例如新疆、西藏、离岛或澳大利亚乡村）可能再多 3 天左右。

          运费说明：
          - 订单满 **50 美元**（或等值人民币、港币、新台币）**免运费**。
          - 不满 50 美元，标准配送统一收取 4.99 美元。
          - 特快配送（发货后 1-2 个工作日送达）收费 12 美元，仅限中国大陆、香港和台湾。

          洗衣机、冰箱等大家电由我们的大件物流配送，师傅会提前打电话和你约定送货时间，时效同样是 2-5 个工作日。

          包裹发出后，我们会通过邮件发送物流链接，各状态的含义请看[我的订单到哪里了？](https://acme.test/help/tracking)。
        `,
      },
      'zh-TW': {
        title: '多久會出貨？運費怎麼計算？',
        body: md`
          所有訂單都會在 **1 個工作天內** 從倉庫出貨。工作天 15:00（UTC+8）前完成付款的訂單，通常當天下午就會寄出。

          出貨後，**一般配送** 約 2-5 個工作天送達，適用於我們服務的所有地區。偏遠地區（例如離島、新疆、西藏或澳洲鄉間）可能需要再多 3 天。

          運費：
          - 訂單滿 **50 美元**（或等值新台幣、港幣、人民幣）**免運費**。
          - 未滿 50 美元，一般配送酌收運費 4.99 美元。
          - 快速到貨（出貨後 1-2 個工作天送達）運費 12 美元，限台灣、香港及中國大陸。

          洗衣機、冰箱等大型家電由專屬大件物流配送，司機會先打電話跟你約配送時段，時效一樣是 2-5 個工作天。

          包裹寄出後，我們會用電子郵件寄送物流追蹤連結；各狀態代表的意思請參考[我的訂單到哪裡了？](https://acme.test/help/tracking)。
        `,
      },
    },
  },
  {
    key: 'tracking',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'Where is my order?',
        body: md`
          As soon as your order is dispatched we send a shipping confirmation email with a **tracking link**. You can also follow it any time:

          1. Sign in and open [My orders](https://acme.test/account/orders).
          2. Select the order to see its current status and the courier's tracking number.

          What the statuses mean:
          - **Processing**: payment received, we are packing your items (up to 1 business day).
          - **Shipped**: the courier has your parcel; the first scan can take up to 24 hours to show.
          - **Out for delivery**: it should arrive today.
          - **Delivered**: the courier recorded the delivery.

          **No update for 5 business days, or marked delivered but nothing at your door?** Ask your neighbours, check your building's reception and mailbox, and wait 48 hours, as couriers sometimes scan early. If it still hasn't turned up, contact us with your order number: we open an investigation with the courier and send a replacement or a full refund if the parcel is lost.
        `,
      },
      'zh-CN': {
        title: '我的订单到哪里了？',
        body: md`
          订单发出后，我们会发送一封发货确认邮件，里面有**物流追踪链接**。你也可以随时自己查询：

          1. 登录后打开[我的订单](https://acme.test/account/orders)。
          2. 选择对应订单，即可看到当前状态和快递单号。

          状态说明：
          - **处理中**：已收到付款，正在打包（最多 1 个工作日）。
          - **已发货**：包裹已交给快递，首条物流信息最长可能需要 24 小时才会显示。
          - **派送中**：今天就会送到。
          - **已签收**：快递已登记送达。

          **超过 5 个工作日物流没有更新，或显示已签收却没收到？** 请先问问邻居、门卫，看看快递柜或驿站，并等待 48 小时，有时快递员会提前扫描签收。如果仍然找不到，请带上订单号联系我们：我们会向快递公司发起调查，确认丢件后为你补发或全额退款。
        `,
      },
      'zh-TW': {
        title: '我的訂單到哪裡了？',
        body: md`
          訂單寄出後，我們會寄一封出貨通知信，裡面附有**物流追蹤連結**。你也可以隨時自行查詢：

          1. 登入後開啟[我的訂單](https://acme.test/account/orders)。
          2. 點選該筆訂單，就能看到目前狀態和貨運單號。

          狀態說明：
          - **處理中**：已收到款項，正在揀貨包裝（最多 1 個工作天）。
          - **已出貨**：包裹已交給物流業者，第一筆配送紀錄最多可能要 24 小時才會出現。
          - **配送中**：今天就會送達。
          - **已送達**：物流業者已登記完成配送。

          **超過 5 個工作天都沒有更新，或顯示已送達卻沒收到？** 請先問問鄰居、大樓管理室，看看信箱，並等候 48 小時，有時司機會提早刷件。如果還是找不到，請提供訂單編號與我們聯絡：我們會向物流業者查件，確認遺失後會重新寄送或全額退款。
        `,
      },
    },
  },
  {
    key: 'cancel-order',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'How do I cancel an order?',
        body: md`
          You can cancel an order yourself as long as its status is still **Processing**:

          1. Open [My orders](https://acme.test/account/orders) and select the order.
          2. Choose **Cancel order**, or **Cancel items** to remove only some products.
          3. Confirm. A cancellation email follows straight away.

          The money goes back to your original payment method within 5 business days; Rewards points you used return to your balance at once.

          Because we dispatch within 1 business day, the window is short. **Once the status shows Shipped, the order can no longer be cancelled.** In that case, either refuse the parcel when the courier arrives or send it back within 30 days with a free return label (see [How do I return an item?](https://acme.test/help/returns)). Either way you get a full refund.

          Pre-orders can be cancelled at any time before they ship. Appliance orders with a booked installation can be cancelled until the day before the delivery slot.
        `,
      },
      'zh-CN': {
        title: '怎么取消订单？',
        body: md`
          只要订单状态还是**处理中**，你就可以自己取消：

          1. 打开[我的订单](https://acme.test/account/orders)，选择要取消的订单。
          2. 点击**取消订单**；如果只想去掉部分商品，点击**取消商品**。
          3. 确认后，你会立即收到一封取消确认邮件。

          款项会在 5 个工作日内原路退回；使用的会员积分会马上返还。

          由于我们 1 个工作日内就会发货，可取消的时间很短。**订单状态变为“已发货”后就无法再取消。** 这时你可以在快递上门时拒收，或在 30 天内使用免费退货标签寄回（见[如何退货？](https://acme.test/help/returns)），两种方式都会全额退款。

          预售商品在发货前可随时取消。已预约安装的大家电订单，最晚可在约定送货日的前一天取消。
        `,
      },
      'zh-TW': {
        title: '如何取消訂單？',
        body: md`
          只要訂單狀態仍是**處理中**，你就可以自行取消：

          1. 開啟[我的訂單](https://acme.test/account/orders)，點選要取消的訂單。
          2. 點選**取消訂單**；若只想移除部分商品，請點選**取消品項**。
          3. 確認後，系統會立即寄出取消通知信。

          款項會在 5 個工作天內退回原付款方式；折抵的會員點數則會立即退還。

          因為我們 1 個工作天內就會出貨，能取消的時間不長。**訂單狀態變成「已出貨」後就無法取消。** 此時你可以在司機送達時拒收，或在 30 天內用免費的退貨標籤寄回（請見[如何退貨？](https://acme.test/help/returns)），兩種方式都會全額退款。

          預購商品在出貨前都可以隨時取消。已預約安裝的大型家電訂單，最晚可在約定配送日前一天取消。
        `,
      },
    },
  },
  {
    key: 'change-address',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'Can I change the delivery address after placing an order?',
        body: md`
          Yes, if the order hasn't shipped yet.

          1. Open [My orders](https://acme.test/account/orders) and select the order.
          2. Choose **Change address**, enter the new address and phone number, and save.

          This works only while the status is **Processing**, and only within the same country or region, because duties, taxes and the shipping warehouse depend on the destination. To send an order to another country, cancel it and place a new one.

          **Already shipped?** Open the courier's page from your tracking link: most couriers let you redirect the parcel to another address or hold it at a pickup point, sometimes for a small fee. If that option isn't offered, message us with your order number and we'll ask the courier, though we can't guarantee it.

          **Please check your address, apartment number and phone number before paying.** Parcels returned to us because of an incomplete address are refunded minus the shipping cost.
        `,
      },
      'zh-CN': {
        title: '下单后还能修改收货地址吗？',
        body: md`
          可以，只要订单还没发货。

          1. 打开[我的订单](https://acme.test/account/orders)，选择该订单。
          2. 点击**修改地址**，填写新的收货地址和手机号，然后保存。

          只有订单状态为**处理中**时才能修改，而且只能改为同一国家或地区内的地址，因为关税、税费和发货仓库都取决于目的地。如果要寄往其他国家或地区，请取消订单后重新下单。

          **已经发货了？** 通过物流链接打开快递公司页面：大多数快递支持改派到其他地址，或暂存到驿站、快递柜（可能收取少量费用）。如果页面上没有这个选项，请把订单号发给我们，我们会帮你联系快递，但无法保证一定能改。

          **付款前请仔细核对地址、门牌号和手机号。** 因地址不完整被退回的包裹，退款时会扣除运费。
        `,
      },
      'zh-TW': {
        title: '下單後可以更改收件地址嗎？',
        body: md`
          可以，只要訂單還沒出貨。

          1. 開啟[我的訂單](https://acme.test/account/orders)，點選該筆訂單。
          2. 點選**變更地址**，輸入新的收件地址與手機號碼後儲存。

          只有訂單狀態為**處理中**時才能更改，而且只能改成同一個國家或地區內的地址，因為關稅、稅金和出貨倉庫都是依目的地決定。若要寄到其他國家或地區，請取消訂單後重新下單。

          **已經出貨了？** 從物流追蹤連結進入貨運公司的頁面：多數業者可以改送到其他地址，或暫存到取貨點（可能酌收費用）。如果頁面上沒有這個選項，請提供訂單編號給我們，我們會代為詢問物流業者，但無法保證一定能改。

          **付款前請再次確認地址、門牌號碼與手機號碼。** 因地址不完整而退回的包裹，退款時會扣除運費。
        `,
      },
    },
  },
  {
    key: 'international-shipping',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'Which countries do you ship to, and will I pay customs duties?',
        body: md`
          We deliver to:
          - mainland China, Hong Kong, Macau and Taiwan;
          - the United States and Canada;
          - the United Kingdom and Ireland;
          - Australia, New Zealand and Singapore.

          Delivery takes 2-5 business days after dispatch, as everywhere else. Large appliances are delivered only in mainland China, Hong Kong and Taiwan. We can't ship to parcel-forwarding addresses or to countries not on this list; checkout won't accept them.

          **Duties and import taxes.** For every destination, customs duties and VAT or GST are calculated at checkout and included in the total you pay. We handle the customs paperwork, so there is nothing more to pay on arrival.

          **If a courier asks you for duties or a customs fee, don't pay it.** Contact us with your order number and we'll settle it with the courier directly.

          Prices are shown in your local currency (USD, CAD, GBP, EUR, AUD, NZD, SGD, CNY, HKD, MOP or TWD), based on your delivery address. Returns from any of these countries use the same free prepaid label.
        `,
      },
      'zh-CN': {
        title: '可以寄到哪些国家和地区？需要交关税吗？',
        body: md`
          我们目前配送到：
          - 中国大陆、香港、澳门和台湾；
          - 美国和加拿大；
          - 英国和爱尔兰；
          - 澳大利亚、新西兰和新加坡。

          发货后 2-5 个工作日送达，时效与其他地区相同。大家电只配送到中国大陆、香港和台湾。我们不能寄往转运仓地址，也不能寄往以上列表之外的国家，结算时系统不会接受这类地址。

          **关税和进口税。** 无论寄往哪里，关税以及增值税或消费税都会在结算时计算，并包含在你支付的总价中。清关手续由我们处理，收货时无需再付任何费用。

          **如果快递员向你收取关税或清关费，请不要支付。** 请把订单号发给我们，由我们直接与快递公司结算。

          价格会根据收货地址以当地货币显示（美元、加元、英镑、欧元、澳元、新西兰元、新加坡元、人民币、港币、澳门元或新台币）。从以上任何国家退货，同样使用免费的预付退货标签。
        `,
      },
      'zh-TW': {
        title: '可以寄到哪些國家？需要付關稅嗎？',
        body: md`
          我們目前配送到：
          - 台灣、香港、澳門及中國大陸；
          - 美國、加拿大；
          - 英國、愛爾蘭；
          - 澳洲、紐西蘭、新加坡。

          出貨後 2-5 個工作天送達，時效和其他地區一樣。大型家電只配送到台灣、香港和中國大陸。我們無法寄送到集運倉地址或不在上述名單中的國家，結帳時系統會拒絕這類地址。

          **關稅與進口稅。** 不論寄到哪裡，關稅以及加值稅或商品及服務稅（GST）都會在結帳時計算，並包含在你支付的總金額中。報關手續由我們處理，收件時不需要再付任何費用。

          **如果物流人員向你收取關稅或報關費，請不要付款。** 請提供訂單編號給我們，由我們直接與物流業者處理。

          價格會依收件地址以當地貨幣顯示（新台幣、港幣、澳門幣、人民幣、美元、加幣、英鎊、歐元、澳幣、紐幣或新加坡幣）。從上述任何國家退貨，一樣使用免費的預付退貨標籤。
        `,
      },
    },
  },
  {
    key: 'store-pickup',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'Can I collect my order from a pickup point instead?',
        keywords: ['7-ELEVEN', 'FamilyMart', 'Hive Box'],
        body: md`
          Acme Demo is an online-only shop with no retail stores, but in some regions you can collect your parcel from a pickup point instead of waiting at home:

          - **Taiwan**: any 7-ELEVEN or FamilyMart convenience store.
          - **Hong Kong and Macau**: SF Express service points and lockers.
          - **Mainland China**: Cainiao stations and Hive Box lockers.

          How it works:
          1. At checkout, choose **Pick up** as the delivery method and select a location on the map.
          2. When the parcel arrives (the usual 2-5 business days), we send an SMS with a pickup code.
          3. Show the code, or scan it at the locker, within **7 days**. Anyone with the code can collect for you.

          Pickup costs the same as home delivery, so it's free on orders over US$50. Parcels must weigh under 5 kg, so large appliances and big TVs can't go to a pickup point.

          **Payment is always made online at checkout; paying at the pickup point isn't available.** Parcels not collected within 7 days come back to us and are refunded, minus the shipping fee if one was charged.
        `,
      },
      'zh-CN': {
        title: '可以到自提点取货吗？',
        keywords: ['菜鸟驿站', '丰巢', '7-ELEVEN'],
        body: md`
          Acme Demo 是一家纯线上商店，没有实体门店，但在部分地区，你可以选择到自提点取件，不用在家等快递：

          - **台湾**：7-ELEVEN、全家便利店。
          - **香港和澳门**：顺丰服务点和智能柜。
          - **中国大陆**：菜鸟驿站和丰巢快递柜。

          操作步骤：
          1. 结算时选择**自提**作为配送方式，在地图上选一个取件点。
          2. 包裹送达后（同样是 2-5 个工作日），我们会发短信告诉你取件码。
          3. 请在 **7 天内** 出示取件码或在快递柜扫码取件。任何拿到取件码的人都可以帮你代取。

          自提运费与送货上门相同，订单满 50 美元同样免运费。包裹重量须在 5 公斤以下，因此大家电和大尺寸电视不能寄到自提点。

          **所有订单都需在结算时在线付款，不支持到自提点付款。** 超过 7 天未取的包裹会退回给我们并办理退款（如收取过运费，运费不退）。
        `,
      },
      'zh-TW': {
        title: '可以到超商取貨嗎？',
        keywords: ['7-ELEVEN', '全家', '超商取貨'],
        body: md`
          Acme Demo 是純網路商店，沒有實體門市，不過在部分地區，你可以選擇到取貨點領取包裹，不必在家等貨：

          - **台灣**：全台 7-ELEVEN、全家便利商店。
          - **香港、澳門**：順豐服務點及智能櫃。
          - **中國大陸**：菜鳥驛站和豐巢快遞櫃。

          取貨方式：
          1. 結帳時選擇**超商取貨**（或取貨點取貨），並在地圖上選擇門市。
          2. 包裹到店後（一樣是 2-5 個工作天），我們會傳簡訊通知取貨驗證碼。
          3. 請在 **7 天內** 出示驗證碼，或到智能櫃掃碼取件。任何持有驗證碼的人都可以代為取貨。

          取貨運費和宅配相同，訂單滿 50 美元一樣免運。包裹須在 5 公斤以下，因此大型家電和大尺寸電視無法寄到取貨點。

          **所有訂單都必須在結帳時線上付款，不提供超商取貨付款。** 超過 7 天未取的包裹會退回給我們並辦理退款（若有收取運費則不退運費）。
        `,
      },
    },
  },
  {
    key: 'bulk-orders',
    category: 'orders-shipping',
    versions: {
      en: {
        title: 'Do you offer discounts for business or bulk orders?',
        body: md`
          Yes. Our business team handles orders for companies, schools and other organisations. You qualify when you order **10 or more units of the same product** or spend more than **US$3,000** in one order.

          What you get:
          - a written quote with volume pricing, usually within 1 business day;
          - payment by bank transfer, and 30-day payment terms for approved companies;
          - invoices with your company name and tax ID (special VAT invoices in mainland China, invoices with a unified business number in Taiwan);
          - delivery to several offices in one order;
          - a dedicated account manager for after-sales questions.

          To request a quote, email [business@acme.test](mailto:business@acme.test) with the product names or links, quantities, delivery addresses and your company details. You can also ask in chat and we'll pass it on.

          **Business orders follow the same 30-day return and 2-year warranty rules as personal orders**, but returning more than 10 units at once needs your account manager's agreement first.
        `,
      },
      'zh-CN': {
        title: '企业采购或批量订单有优惠吗？',
        body: md`
          有的。我们的企业客户团队专门处理公司、学校和其他机构的订单。只要单个商品购买 **10 件及以上**，或单笔订单金额超过 **3,000 美元**，即可享受企业服务。

          你可以获得：
          - 书面报价单和阶梯价格，通常 1 个工作日内回复；
          - 对公银行转账付款，审核通过的企业可享 30 天账期；
          - 带公司名称和税号的发票（中国大陆可开增值税专用发票，台湾可开立含统一编号的发票）；
          - 一个订单配送到多个办公地点；
          - 专属客户经理处理售后问题。

          申请报价，请发邮件至 [business@acme.test](mailto:business@acme.test)，写明商品名称或链接、数量、收货地址和公司信息。也可以在在线聊天中告诉我们，我们会帮你转交。

          **企业订单同样适用 30 天退货和 2 年保修政策**，但一次退回超过 10 件需要先与客户经理确认。
        `,
      },
      'zh-TW': {
        title: '公司採購或大量訂購有優惠嗎？',
        body: md`
          有的。我們的企業業務團隊專門處理公司行號、學校與各類機構的訂單。只要同一商品訂購 **10 件以上**，或單筆訂單金額超過 **3,000 美元**，就能享有企業採購服務。

          服務內容：
          - 提供書面報價與數量級距價格，通常 1 個工作天內回覆；
          - 可用銀行匯款付款，審核通過的公司享有月結 30 天；
          - 開立含公司抬頭與統一編號的發票（中國大陸可開立增值稅專用發票）；
          - 同一筆訂單可配送到多個辦公室；
          - 專屬業務窗口協助處理售後問題。

          索取報價請寄信至 [business@acme.test](mailto:business@acme.test)，並附上商品名稱或連結、數量、收件地址與公司資料。也可以在線上客服中留言，我們會幫你轉交。

          **企業訂單一樣適用 30 天退貨與 2 年保固**，但一次退回超過 10 件須先與業務窗口確認。
        `,
      },
    },
  },
];
