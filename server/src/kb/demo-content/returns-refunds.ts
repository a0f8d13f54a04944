import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const RETURNS_REFUNDS: DemoArticle[] = [
  {
    key: 'returns',
    category: 'returns-refunds',
    versions: {
      en: {
        title: 'How do I return an item?',
        body: md`
          You can return most items within **30 days of delivery** for any reason, as long as they are unused and in their original packaging with all accessories, manuals and free gifts.

          1. Go to [My orders](https://acme.test/account/orders), select the order and choose **Return items**.
          2. Pick the products and a reason, then print the **prepaid return label** we email you. Returning is free.
          3. Pack everything securely, stick the label on the box and hand it to the courier within 7 days.

          For large appliances, choose **Book a collection** instead and our appliance courier picks the item up from your home.

          We can't take back:
          - in-ear headphones and earbuds once the hygiene seal is opened (unless they are faulty);
          - opened personal-care products such as shaver heads and toothbrush heads;
          - software and digital licence keys once revealed.

          **Items returned used, damaged or incomplete may receive only a partial refund.** If the product is faulty or we sent the wrong thing, see [What if my item arrived damaged or wrong?](https://acme.test/help/damaged-item) instead. Once the parcel reaches us, see [How long does a refund take?](https://acme.test/help/refund).
        `,
      },
      'zh-CN': {
        title: '如何退货？',
        body: md`
          大多数商品在**签收后 30 天内**都可以无理由退货，前提是商品未使用，原包装完好，配件、说明书和赠品齐全。

          1. 进入[我的订单](https://acme.test/account/orders)，选择订单后点击**申请退货**。
          2. 勾选要退的商品并选择原因，然后打印我们通过邮件发送的**预付退货标签**。退货运费由我们承担。
          3. 把商品包装好，贴上标签，在 7 天内交给快递。

          大家电请选择**预约上门取件**，由我们的大件物流上门取走。

          以下商品不支持退货：
          - 已拆开卫生封条的入耳式耳机（质量问题除外）；
          - 已拆封的个人护理用品，如剃须刀头、牙刷头；
          - 已显示激活码的软件和数字授权。

          **退回的商品如有使用痕迹、损坏或配件缺失，可能只能部分退款。** 如果商品有质量问题或发错货，请查看[收到的商品损坏、有故障或发错了怎么办？](https://acme.test/help/damaged-item)。仓库收到包裹后的退款安排，详见[退款需要多长时间？](https://acme.test/help/refund)。
        `,
      },
      'zh-TW': {
        title: '如何退貨？',
        body: md`
          大部分商品在**到貨後 30 天內**都可以退貨，不需要理由，只要商品未使用、保持原包裝，且配件、說明書與贈品齊全。

          1. 前往[我的訂單](https://acme.test/account/orders)，點選訂單後選擇**申請退貨**。
          2. 勾選要退回的商品與原因，再列印我們以電子郵件寄給你的**預付退貨標籤**。退貨不需付運費。
          3. 將商品妥善包裝、貼上標籤，並在 7 天內交寄給物流業者。

          大型家電請選擇**預約到府收件**，由專屬大件物流到府取回。

          以下商品恕不接受退貨：
          - 已拆封衛生封條的入耳式耳機（商品瑕疵除外）；
          - 已拆封的個人護理用品，例如刮鬍刀頭、牙刷刷頭；
          - 已顯示序號的軟體與數位授權。

          **退回商品若有使用痕跡、損壞或配件不全，可能只會退還部分款項。** 若商品有瑕疵或寄錯，請改看[收到的商品損壞、故障或寄錯怎麼辦？](https://acme.test/help/damaged-item)。倉庫收到包裹後的退款安排，詳見[退款需要多長時間？](https://acme.test/help/refund)。
        `,
      },
    },
  },
  {
    key: 'refund',
    category: 'returns-refunds',
    versions: {
      en: {
        title: 'How long does a refund take?',
        body: md`
          We issue your refund **within 5 business days of receiving your return** at our warehouse, and email you when it's done. Cancelled orders are refunded within 5 business days of the cancellation.

          Refunds always go back to the **original payment method**; we can't send them to a different card or account.

          When the money shows up depends on your provider:
          - Alipay, WeChat Pay and PayPal: usually the same day we issue it.
          - Visa, Mastercard and American Express: another 3-10 business days, depending on your bank.
          - Installment plans: the refunded amount is taken off your remaining installments.

          What is refunded:
          - the full price of the returned items;
          - the original shipping fee, only if the item was faulty or we made a mistake;
          - Rewards points you redeemed, which return to your account as points.

          **If 10 business days have passed since our refund email and you still don't see it, ask your bank for the refund reference first**, then contact us and we'll send proof of the refund.
        `,
      },
      'zh-CN': {
        title: '退款需要多长时间？',
        body: md`
          我们会在**仓库收到退货后的 5 个工作日内**办理退款，完成后会发邮件通知你。取消的订单在取消后 5 个工作日内退款。

          退款一律**原路退回**到下单时的支付方式，无法退到其他银行卡或账户。

          到账时间取决于支付渠道：
          - 支付宝、微信支付和 PayPal：通常当天到账。
          - Visa、Mastercard 和 American Express 信用卡：视银行而定，还需 3-10 个工作日。
          - 分期付款：退款金额会从剩余的分期中扣减。

          退款范围：
          - 退回商品的全部货款；
          - 原订单运费，仅在商品有质量问题或我们出错时退还；
          - 抵扣的会员积分，会以积分形式退回你的账户。

          **如果收到退款邮件后超过 10 个工作日仍未到账，请先向银行查询退款参考号**，再联系我们，我们会提供退款凭证。
        `,
      },
      'zh-TW': {
        title: '退款需要多長時間？',
        body: md`
          我們會在**倉庫收到退貨後 5 個工作天內**辦理退款，完成後會寄電子郵件通知你。已取消的訂單則在取消後 5 個工作天內退款。

          退款一律**退回原付款方式**，無法改退到其他信用卡或帳戶。

          入帳時間依付款方式而定：
          - 支付寶、微信支付與 PayPal：通常當天入帳。
          - Visa、Mastercard、American Express 信用卡：依發卡銀行作業，約再需 3-10 個工作天。
          - 分期付款：退款金額會從剩餘的分期中扣除。

          退款內容：
          - 退回商品的全額貨款；
          - 原訂單運費，僅在商品有瑕疵或我們出錯時退還；
          - 折抵的會員點數，會以點數退回你的帳號。

          **若收到退款通知信後超過 10 個工作天仍未入帳，請先向發卡銀行查詢退款交易編號**，再與我們聯絡，我們會提供退款證明。
        `,
      },
    },
  },
  {
    key: 'damaged-item',
    category: 'returns-refunds',
    versions: {
      en: {
        title: 'What if my item arrived damaged, faulty or wrong?',
        body: md`
          Sorry about that! We'll put it right at no cost to you. Please report it **within 7 days of delivery**:

          1. In [My orders](https://acme.test/account/orders), select the order and choose **Report a problem**.
          2. Tell us what happened: broken in transit, not working out of the box, wrong model or colour, or something missing from the box.
          3. Add photos of the product, the outer box and the shipping label. For a fault, a short video helps.

          We reply within 1 business day. Once approved, you choose:
          - a **replacement**, sent within 1 business day, or
          - a **full refund**, including any shipping you paid.

          We email a prepaid label for the item you received, or book a collection for large appliances. **Keep the item and all packaging until the case is closed**; couriers need them for their damage claim.

          If the outer box is visibly crushed or wet when the courier arrives, you can also refuse the delivery. Problems found after 7 days are handled under the [2-year warranty](https://acme.test/help/warranty).
        `,
      },
      'zh-CN': {
        title: '收到的商品损坏、有故障或发错了怎么办？',
        body: md`
          非常抱歉给你带来不便！我们会免费为你处理。请在**签收后 7 天内**反馈：

          1. 在[我的订单](https://acme.test/account/orders)中选择该订单，点击**反馈问题**。
          2. 说明具体情况：运输中破损、开箱无法使用、型号或颜色发错，或者少发了配件。
          3. 上传商品、外箱和快递面单的照片。如果是故障，附一段短视频会更快处理。

          我们会在 1 个工作日内回复。审核通过后，你可以选择：
          - **换新**，新品在 1 个工作日内发出；或
          - **全额退款**，包括你支付的运费。

          我们会通过邮件发送预付退货标签，用于寄回收到的商品；大家电则安排上门取件。**在处理完成前，请保留商品和全部包装**，快递公司理赔时需要用到。

          如果快递送达时外箱明显压坏或受潮，你也可以直接拒收。超过 7 天才发现的问题，将按照[2 年保修](https://acme.test/help/warranty)处理。
        `,
      },
      'zh-TW': {
        title: '收到的商品損壞、故障或寄錯怎麼辦？',
        body: md`
          很抱歉造成你的困擾！我們會免費為你處理。請在**到貨後 7 天內**回報：

          1. 在[我的訂單](https://acme.test/account/orders)點選該筆訂單，選擇**回報問題**。
          2. 說明狀況：運送途中損壞、開箱就無法使用、型號或顏色寄錯，或是盒內少了配件。
          3. 上傳商品、外箱與貨運單的照片。如果是故障，附上一段短片能加快處理。

          我們會在 1 個工作天內回覆。確認後，你可以選擇：
          - **換新品**，新品會在 1 個工作天內寄出；或
          - **全額退款**，包含你支付的運費。

          我們會以電子郵件寄送預付退貨標籤，讓你寄回收到的商品；大型家電則安排到府收件。**處理完成前請保留商品與所有包材**，物流業者理賠時會需要。

          如果司機送達時外箱明顯壓壞或受潮，你也可以直接拒收。超過 7 天才發現的問題，將依[2 年保固](https://acme.test/help/warranty)處理。
        `,
      },
    },
  },
  {
    key: 'exchange',
    category: 'returns-refunds',
    versions: {
      en: {
        title: 'How do I exchange an item for a different model, size or colour?',
        body: md`
          If you'd prefer another colour, storage capacity, screen size or model, you can exchange an unused item **within 30 days of delivery**. Exchanges are free.

          1. In [My orders](https://acme.test/account/orders), select the order and choose **Exchange**.
          2. Pick the version you want. If it costs more, you pay the difference; if it costs less, we refund the difference to your original payment method.
          3. Send the original item back with the prepaid label we email you.

          We ship the new item as soon as the courier scans your parcel, so you don't wait for it to reach our warehouse. Gold members get the new item before they send anything back.

          Good to know:
          - Each item can be exchanged once. For a second change, return it and place a new order.
          - You can only exchange for products we sell in your region, because voltage and plugs differ.
          - **If the version you want is out of stock, we can't reserve it**: return the item for a refund instead, or use **Notify me** on the product page.

          For a faulty item, use **Report a problem** rather than an exchange, so the fault is recorded.
        `,
      },
      'zh-CN': {
        title: '如何换货（换其他型号、尺寸或颜色）？',
        body: md`
          如果你想换成其他颜色、存储容量、屏幕尺寸或型号，未使用的商品可以在**签收后 30 天内**申请换货，换货免费。

          1. 在[我的订单](https://acme.test/account/orders)中选择订单，点击**换货**。
          2. 选择想要的版本。新商品更贵需要补差价；更便宜的话，差价会原路退回。
          3. 用我们邮件发送的预付标签把原商品寄回。

          快递揽收你的包裹后，我们就会发出新商品，不必等它寄到仓库。金卡会员可以先收新品、再寄回原商品。

          注意事项：
          - 每件商品只能换货一次。如需再次更换，请退货后重新下单。
          - 只能换成你所在地区销售的商品，因为各地区的电压和插头不同。
          - **如果想要的版本缺货，我们无法为你预留**，你可以退货退款，或在商品页点击**到货通知**。

          如果商品有故障，请使用**反馈问题**而不是换货，以便记录故障情况。
        `,
      },
      'zh-TW': {
        title: '如何換貨（換成其他型號、尺寸或顏色）？',
        body: md`
          如果你想換成其他顏色、儲存容量、螢幕尺寸或型號，未使用的商品可在**到貨後 30 天內**申請換貨，換貨不另收費。

          1. 在[我的訂單](https://acme.test/account/orders)點選訂單，選擇**換貨**。
          2. 選擇想要的版本。新商品較貴需補價差；較便宜的話，價差會退回原付款方式。
          3. 用我們寄給你的預付標籤寄回原商品。

          物流業者收走你的包裹後，我們就會寄出新商品，不需等到商品送回倉庫。金卡會員則可以先收到新品，再寄回原商品。

          注意事項：
          - 每件商品限換貨一次。若要再換，請辦理退貨後重新下單。
          - 只能換成你所在地區販售的商品，因為各地的電壓與插頭規格不同。
          - **若想要的版本缺貨，我們無法為你保留**，你可以改辦退貨退款，或在商品頁點選**貨到通知我**。

          若商品有瑕疵，請使用**回報問題**而非換貨，才能留下故障紀錄。
        `,
      },
    },
  },
  {
    key: 'price-adjustment',
    category: 'returns-refunds',
    versions: {
      en: {
        title: 'The price dropped after I bought: can I get the difference back?',
        body: md`
          Yes. With our **14-day price protection**, if Acme Demo lowers the price of an item within 14 days of your delivery, we refund the difference once per item.

          How to claim:
          1. Open [My orders](https://acme.test/account/orders) and select the order.
          2. Choose **Request price adjustment** next to the item. The new price is checked automatically.
          3. The difference is refunded to your original payment method within 5 business days.

          Price protection doesn't cover:
          - flash sales and limited-quantity deals;
          - clearance and certified refurbished items;
          - savings from a promo code, Rewards points or a bundle price;
          - the price of the same product at another retailer.

          **We don't price-match other shops, online or offline**, marketplaces included. If you find a lower price elsewhere and your order is still Processing, you can cancel it; after delivery you can return it within 30 days.
        `,
      },
      'zh-CN': {
        title: '买完就降价了，可以退差价吗？',
        body: md`
          可以。我们提供 **14 天价格保护**：签收后 14 天内，如果 Acme Demo 降低了该商品的售价，每件商品可申请一次退还差价。

          申请方法：
          1. 打开[我的订单](https://acme.test/account/orders)，选择该订单。
          2. 点击商品旁的**申请价保**，系统会自动核对当前价格。
          3. 差价会在 5 个工作日内原路退回。

          以下情况不在价格保护范围内：
          - 限时秒杀和限量特价；
          - 清仓商品和官方翻新商品；
          - 使用优惠码、会员积分或套装组合带来的优惠；
          - 其他商家对同一商品的售价。

          **我们不跟其他商家比价，无论线上还是线下，包括各大电商平台。** 如果你在别处看到更低的价格而订单还在“处理中”，可以取消订单；签收后也可以在 30 天内退货。
        `,
      },
      'zh-TW': {
        title: '買完就降價了，可以退價差嗎？',
        body: md`
          可以。我們提供 **14 天價格保護**：到貨後 14 天內，若 Acme Demo 調降該商品售價，每件商品可申請一次退還價差。

          申請方式：
          1. 開啟[我的訂單](https://acme.test/account/orders)，點選該筆訂單。
          2. 點選商品旁的**申請價差退還**，系統會自動比對目前售價。
          3. 價差會在 5 個工作天內退回原付款方式。

          以下情況不適用價格保護：
          - 限時搶購與限量特價；
          - 出清品與原廠整新品；
          - 使用折扣碼、會員點數或組合價所得到的優惠；
          - 其他通路對同一商品的售價。

          **我們不提供比價保證，不論是實體門市或網路商店，包括各大購物平台。** 若你在別處看到更便宜的價格且訂單還在「處理中」，可以取消訂單；到貨後也可以在 30 天內辦理退貨。
        `,
      },
    },
  },
];
