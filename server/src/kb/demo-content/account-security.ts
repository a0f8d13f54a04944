import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const ACCOUNT_SECURITY: DemoArticle[] = [
  {
    key: 'account',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do I reset my password?',
        body: md`
          If you've forgotten your password:

          1. On the [sign-in page](https://acme.test/login), choose **Forgot password**.
          2. Enter the email address or mobile number on your account.
          3. Open the email or SMS we send and follow the link. **The link works for 1 hour**, and only once.
          4. Choose a new password of at least 8 characters, with at least one letter and one number.

          Didn't receive anything? Check your spam or junk folder and make sure you used the address you registered with. Some company mail servers hold outside mail for a few minutes. You can request a new link after 60 seconds.

          After **5 wrong passwords in a row**, sign-in is locked for 15 minutes to protect your account. Resetting your password unlocks it straight away.

          **Never share your password or a reset link with anyone, including Acme Demo staff.** If you think someone else knows your password, reset it and turn on [two-step verification](https://acme.test/help/two-factor).
        `,
      },
      'zh-CN': {
        title: '如何重置密码？',
        body: md`
          如果忘记了密码：

          1. 在[登录页面](https://acme.test/login)点击**忘记密码**。
          2. 输入账户绑定的邮箱或手机号。
          3. 打开我们发送的邮件或短信，点击其中的链接。**链接 1 小时内有效**，且只能使用一次。
          4. 设置一个新密码，至少 8 位，需同时包含字母和数字。

          没收到？请检查垃圾邮件文件夹，并确认填写的是注册时使用的邮箱。部分企业邮箱接收外部邮件会延迟几分钟。60 秒后可以重新获取链接。

          **连续输错 5 次密码**，账户会被锁定 15 分钟以保护安全。重置密码后会立即解锁。

          **请勿把密码或重置链接告诉任何人，包括 Acme Demo 的工作人员。** 如果怀疑密码已泄露，请立即重置，并开启[两步验证](https://acme.test/help/two-factor)。
        `,
      },
      'zh-TW': {
        title: '如何重設密碼？',
        body: md`
          如果忘記密碼：

          1. 在[登入頁面](https://acme.test/login)點選**忘記密碼**。
          2. 輸入帳號綁定的電子郵件地址或手機號碼。
          3. 開啟我們寄出的信件或簡訊，點選其中的連結。**連結 1 小時內有效**，而且只能使用一次。
          4. 設定新密碼，至少 8 個字元，須同時包含英文字母與數字。

          沒收到信？請檢查垃圾郵件匣，並確認輸入的是註冊時使用的信箱。部分公司信箱收外部信件會延遲幾分鐘。60 秒後可以重新寄送連結。

          **連續輸入錯誤密碼 5 次**，帳號會暫時鎖定 15 分鐘以保護安全。重設密碼後即可立即解鎖。

          **請勿將密碼或重設連結告訴任何人，包括 Acme Demo 的員工。** 如果懷疑密碼外洩，請立即重設，並開啟[兩步驟驗證](https://acme.test/help/two-factor)。
        `,
      },
    },
  },
  {
    key: 'change-email-phone',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do I change the email address or phone number on my account?',
        body: md`
          You can update your contact details at any time:

          1. Sign in and go to **Account > Profile**.
          2. Select **Edit** next to your email address or mobile number.
          3. Enter the new one. We send a 6-digit verification code to it, valid for 10 minutes.
          4. Type the code to confirm. We also notify your old address or number, in case the change wasn't you.

          The new details are used straight away for sign-in, order updates and invoices, including orders that haven't shipped yet. The phone number on a delivery address is separate: change it on the order, as described in [Can I change the delivery address?](https://acme.test/help/change-address).

          **Lost access to your old email or phone?** Contact us in chat with your order number and the last four digits of the card you paid with. For your security, we verify your identity before making the change, which takes up to 2 business days.

          An email address or phone number can belong to only one Acme Demo account.
        `,
      },
      'zh-CN': {
        title: '如何修改账户绑定的邮箱或手机号？',
        body: md`
          你可以随时更新联系方式：

          1. 登录后进入**账户 > 个人资料**。
          2. 点击邮箱或手机号旁边的**编辑**。
          3. 输入新的邮箱或手机号，我们会发送一个 6 位验证码，10 分钟内有效。
          4. 输入验证码完成更换。我们也会向原邮箱或原手机号发送提醒，以防不是你本人操作。

          新的联系方式会立即用于登录、订单通知和发票，包括尚未发货的订单。收货地址里的手机号是单独设置的，请按照[下单后还能修改收货地址吗？](https://acme.test/help/change-address)在订单中修改。

          **原邮箱或原手机号已无法使用？** 请在在线客服中提供订单号和付款银行卡的后四位。为了账户安全，我们会先核实身份再修改，最多需要 2 个工作日。

          同一个邮箱或手机号只能绑定一个 Acme Demo 账户。
        `,
      },
      'zh-TW': {
        title: '如何變更帳號的電子郵件或手機號碼？',
        body: md`
          你可以隨時更新聯絡資料：

          1. 登入後前往**帳號 > 個人資料**。
          2. 點選電子郵件或手機號碼旁的**編輯**。
          3. 輸入新的信箱或號碼，我們會寄送 6 位數驗證碼，10 分鐘內有效。
          4. 輸入驗證碼即可完成變更。我們也會通知原本的信箱或號碼，以防不是你本人操作。

          新的聯絡資料會立即用於登入、訂單通知與發票，包括尚未出貨的訂單。收件地址上的手機號碼是分開設定的，請依照[下單後可以更改收件地址嗎？](https://acme.test/help/change-address)在訂單中修改。

          **原本的信箱或手機已經無法使用？** 請透過線上客服提供訂單編號與付款信用卡末四碼。為保護帳號安全，我們會先確認身分再進行變更，最多需要 2 個工作天。

          同一個電子郵件地址或手機號碼只能綁定一個 Acme Demo 帳號。
        `,
      },
    },
  },
  {
    key: 'delete-account',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do I delete my account and personal data?',
        body: md`
          You can close your account yourself:

          1. Sign in and go to **Account > Privacy**.
          2. Choose **Delete my account** and confirm with the code we send to your email or phone.

          Deletion takes effect after a **14-day cooling-off period**; signing in during those 14 days cancels the request. Orders still in progress must be delivered or cancelled first.

          **Deleting your account is permanent: your Rewards points, saved addresses, wish list and unused promo codes are lost and can't be restored.**

          What we keep: invoices and order records, for as long as tax and accounting law requires, and nothing else. They are no longer linked to a profile anyone can sign in to.

          Want a copy first? On the same page, choose **Download my data**; within 48 hours we email you a file with your profile, addresses and order history.

          To stop marketing messages without closing the account, see [How do I stop marketing emails and text messages?](https://acme.test/help/unsubscribe). Read the [privacy policy](https://acme.test/privacy) or email [privacy@acme.test](mailto:privacy@acme.test) with questions about your data.
        `,
      },
      'zh-CN': {
        title: '如何注销账户并删除个人信息？',
        body: md`
          你可以自行注销账户：

          1. 登录后进入**账户 > 隐私**。
          2. 点击**注销账户**，并输入发送到邮箱或手机的验证码确认。

          提交后有 **14 天冷静期**，期间重新登录即视为撤销申请。尚未完成的订单需要先签收或取消。

          **注销是永久性的：会员积分、收货地址、心愿单和未使用的优惠码都会被清除，无法恢复。**

          我们保留的内容：仅限税务和会计法规要求保存的发票和订单记录，保存期限以法规为准，且不再关联到任何可登录的账户。

          想先留一份备份？在同一页面点击**下载我的数据**，我们会在 48 小时内把包含个人资料、地址和订单记录的文件发送到你的邮箱。

          如果只是不想再收到营销信息，不需要注销，请参阅[如何退订营销邮件和短信？](https://acme.test/help/unsubscribe)。完整内容请查看[隐私政策](https://acme.test/privacy)，个人信息相关问题可发邮件至 [privacy@acme.test](mailto:privacy@acme.test)。
        `,
      },
      'zh-TW': {
        title: '如何刪除帳號與個人資料？',
        body: md`
          你可以自行刪除帳號：

          1. 登入後前往**帳號 > 隱私權**。
          2. 點選**刪除我的帳號**，並輸入寄到信箱或手機的驗證碼確認。

          申請後有 **14 天猶豫期**，期間再次登入就會取消申請。尚未完成的訂單需先送達或取消。

          **帳號刪除後無法復原：會員點數、常用地址、願望清單與未使用的折扣碼都會一併清除。**

          我們會保留的資料：僅限稅務與會計法規要求保存的發票與訂單紀錄，保存期間依法規而定，且不再連結到任何可登入的帳號。

          想先保留一份資料？在同一頁點選**下載我的資料**，我們會在 48 小時內將包含個人資料、地址與訂單紀錄的檔案寄到你的信箱。

          若只是不想再收到行銷訊息，不必刪除帳號，請參考[如何取消訂閱行銷郵件和簡訊？](https://acme.test/help/unsubscribe)。完整內容請見[隱私權政策](https://acme.test/privacy)，個資相關問題請寄信至 [privacy@acme.test](mailto:privacy@acme.test)。
        `,
      },
    },
  },
  {
    key: 'unsubscribe',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do I stop marketing emails and text messages?',
        body: md`
          You decide which promotions we send you.

          - **Email**: select **Unsubscribe** at the bottom of any newsletter.
          - **SMS**: reply **STOP** to any promotional text (numbers in mainland China reply **TD**).
          - **All channels at once**: sign in, go to **Account > Notifications** and switch off the channels and topics you don't want, such as deals, new arrivals or review invitations.

          Changes take effect within 48 hours, so a message that was already scheduled may still arrive.

          **You will still receive service messages** about your orders, deliveries, returns, refunds, invoices and account security after unsubscribing; they are part of your purchase and can't be turned off.

          Unsubscribing doesn't affect your Rewards points or the promo codes you already have. If marketing keeps coming after 48 hours, forward one of the messages to [support@acme.test](mailto:support@acme.test) and we'll remove you by hand.
        `,
      },
      'zh-CN': {
        title: '如何退订营销邮件和短信？',
        body: md`
          收不收促销信息，由你决定。

          - **邮件**：点击任意一封营销邮件底部的**退订**。
          - **短信**：回复 **TD** 即可退订（中国大陆以外的号码请回复 **STOP**）。
          - **一次管理所有渠道**：登录后进入**账户 > 通知设置**，关闭不想接收的渠道和内容，例如优惠活动、新品上市或评价邀请。

          设置会在 48 小时内生效，期间已经排好的信息可能还会收到一条。

          **退订后你仍会收到服务类通知**，包括订单、物流、退货、退款、发票和账户安全相关的消息；这些属于交易的一部分，无法关闭。

          退订不会影响你已有的会员积分和优惠码。如果 48 小时后仍然收到营销信息，请把其中一条转发到 [support@acme.test](mailto:support@acme.test)，我们会手动为你取消。
        `,
      },
      'zh-TW': {
        title: '如何取消訂閱行銷郵件和簡訊？',
        body: md`
          要不要收到促銷訊息，由你決定。

          - **電子郵件**：點選任一封電子報最下方的**取消訂閱**。
          - **簡訊**：回覆 **STOP** 即可退訂（中國大陸號碼請回覆 **TD**）。
          - **一次管理所有管道**：登入後前往**帳號 > 通知設定**，關閉不想收到的管道與主題，例如優惠活動、新品上市或評價邀請。

          設定會在 48 小時內生效，所以已經排程的訊息可能還會再收到一則。

          **取消訂閱後，你仍會收到服務通知**，包括訂單、物流、退貨、退款、發票與帳號安全相關訊息；這些屬於交易的一部分，無法關閉。

          取消訂閱不會影響你已有的會員點數與折扣碼。如果 48 小時後仍持續收到行銷訊息，請將其中一則轉寄到 [support@acme.test](mailto:support@acme.test)，我們會手動為你移除。
        `,
      },
    },
  },
  {
    key: 'two-factor',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do I turn on two-step verification?',
        keywords: ['2FA', 'authenticator'],
        body: md`
          Two-step verification (also called 2FA) asks for a one-time code as well as your password, so a stolen password alone isn't enough to get into your account.

          To turn it on:
          1. Sign in and go to **Account > Security**.
          2. Choose **Two-step verification** and pick a method:
             - an **authenticator app** such as Google Authenticator or Microsoft Authenticator (recommended): scan the QR code shown; or
             - **SMS codes** sent to your verified mobile number.
          3. Enter the first code to confirm.
          4. Save the **10 backup codes** we show you somewhere safe, such as a password manager. Each works once.

          From then on, we ask for a code when you sign in on a new device or browser. Tick **Trust this device** to skip it there for 30 days.

          **Lost your phone?** Sign in with a backup code, then set up two-step verification again on the new phone. If you have no backup codes either, contact us: we verify your identity before switching it off, which takes up to 2 business days.
        `,
      },
      'zh-CN': {
        title: '如何开启两步验证？',
        keywords: ['2FA', '身份验证器'],
        body: md`
          两步验证（也叫 2FA）会在密码之外再要求输入一次性验证码，即使密码被盗，别人也无法登录你的账户。

          开启方法：
          1. 登录后进入**账户 > 安全**。
          2. 点击**两步验证**，选择一种方式：
             - **身份验证器 App**，如 Google Authenticator 或 Microsoft Authenticator（推荐），扫描页面上的二维码即可；或
             - **短信验证码**，发送到已验证的手机号。
          3. 输入第一个验证码完成绑定。
          4. 把页面显示的 **10 个备用码** 保存在安全的地方，例如密码管理器，每个只能用一次。

          之后在新设备或新浏览器上登录时，需要输入验证码。勾选**信任此设备**后，30 天内在该设备上不再询问。

          **手机丢了？** 先用备用码登录，再在新手机上重新设置两步验证。如果备用码也没有了，请联系我们：我们会先核实身份再为你关闭，最多需要 2 个工作日。
        `,
      },
      'zh-TW': {
        title: '如何開啟兩步驟驗證？',
        keywords: ['2FA', '驗證器'],
        body: md`
          兩步驟驗證（又稱 2FA）會在密碼之外再要求輸入一次性驗證碼，就算密碼外洩，別人也無法登入你的帳號。

          開啟方式：
          1. 登入後前往**帳號 > 安全性**。
          2. 點選**兩步驟驗證**，並選擇一種方式：
             - **驗證器 App**，例如 Google Authenticator 或 Microsoft Authenticator（建議使用），掃描畫面上的 QR Code 即可；或
             - **簡訊驗證碼**，傳送到已驗證的手機號碼。
          3. 輸入第一組驗證碼完成設定。
          4. 將畫面上的 **10 組備用碼** 存放在安全的地方，例如密碼管理工具，每組只能使用一次。

          之後在新的裝置或瀏覽器登入時，都需要輸入驗證碼。勾選**信任這部裝置**後，30 天內在該裝置上不會再詢問。

          **手機遺失了？** 先用備用碼登入，再到新手機上重新設定兩步驟驗證。如果連備用碼也沒有，請與我們聯絡：我們會先確認身分再為你關閉，最多需要 2 個工作天。
        `,
      },
    },
  },
  {
    key: 'membership',
    category: 'account-security',
    versions: {
      en: {
        title: 'How do Acme Rewards points and membership levels work?',
        body: md`
          Acme Rewards is our free loyalty programme: every account is a member automatically.

          **Earning points**
          - 1 point for every US$1 you spend, after discounts and excluding shipping.
          - Points are added 30 days after delivery, once the return period has ended.
          - 200 bonus points in your birthday month (add your birthday under **Account > Profile**).

          **Using points**
          - 100 points = US$1 off. Select **Use points** at checkout.
          - Points can pay for up to 50% of an order and can be combined with a promo code.

          **Levels**, based on what you spent in the last 12 months:
          - **Member**: the standard rate.
          - **Silver** (US$500 or more): 1.5 points per US$1.
          - **Gold** (US$1,500 or more): 2 points per US$1, priority in the chat queue, and on exchanges the new item ships before you return the original.

          **Points expire 12 months after they were earned.** Returning an item removes the points it earned, and deleting your account forfeits them all. See your balance and expiry dates under **Account > Rewards**.
        `,
      },
      'zh-CN': {
        title: 'Acme 会员积分和等级怎么算？',
        body: md`
          Acme Rewards 是我们的免费会员计划：注册账户即自动成为会员。

          **获得积分**
          - 每消费 1 美元得 1 积分，按优惠后金额计算，不含运费。
          - 积分在签收 30 天后（退货期结束）到账。
          - 生日当月额外赠送 200 积分（请在**账户 > 个人资料**中填写生日）。

          **使用积分**
          - 100 积分抵 1 美元，结算时点击**使用积分**即可。
          - 积分最多可抵扣订单金额的 50%，并且可以与优惠码同时使用。

          **会员等级**（按近 12 个月消费金额计算）：
          - **普通会员**：标准积分比例。
          - **银卡会员**（满 500 美元）：每 1 美元得 1.5 积分。
          - **金卡会员**（满 1,500 美元）：每 1 美元得 2 积分，在线客服优先接待，换货时先发新品再寄回原商品。

          **积分自获得之日起 12 个月后过期。** 退货会扣回该商品获得的积分，注销账户后积分全部清零。可在**账户 > 会员积分**查看余额和到期时间。
        `,
      },
      'zh-TW': {
        title: 'Acme 會員點數與等級如何計算？',
        body: md`
          Acme Rewards 是我們的免費會員方案：註冊帳號就自動成為會員。

          **累積點數**
          - 每消費 1 美元累積 1 點，以折扣後金額計算，不含運費。
          - 點數會在到貨 30 天後（退貨期結束後）入帳。
          - 生日當月再送 200 點（請在**帳號 > 個人資料**填寫生日）。

          **使用點數**
          - 每 100 點可折抵 1 美元，結帳時點選**使用點數**即可。
          - 點數最多可折抵訂單金額的 50%，也可以和折扣碼一起使用。

          **會員等級**（依近 12 個月消費金額計算）：
          - **一般會員**：標準回饋比例。
          - **銀卡會員**（滿 500 美元）：每 1 美元累積 1.5 點。
          - **金卡會員**（滿 1,500 美元）：每 1 美元累積 2 點，線上客服優先服務，換貨時先寄出新品再寄回原商品。

          **點數自入帳起 12 個月後到期。** 退貨會扣回該商品所累積的點數，刪除帳號後點數全部歸零。可在**帳號 > 會員點數**查看餘額與到期日。
        `,
      },
    },
  },
];
