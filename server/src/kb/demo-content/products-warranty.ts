import type { DemoArticle } from '../demo-content.js';
import { md } from './md.js';

export const PRODUCTS_WARRANTY: DemoArticle[] = [
  {
    key: 'warranty',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'What does the 2-year warranty cover?',
        body: md`
          Every product we sell comes with a **2-year Acme Demo warranty** from the delivery date, covering manufacturing defects and parts that fail in normal use. Rechargeable batteries are covered for 12 months, or longer where the manufacturer's own warranty says so.

          Not covered:
          - accidental damage such as drops, cracked screens and liquid spills;
          - damage from the wrong voltage, charger or power supply;
          - repairs or modifications by anyone other than us or the brand's authorised service;
          - normal wear, scratches, and consumables such as filters and cartridges.

          To make a claim:
          1. In [My orders](https://acme.test/account/orders), select the product and choose **Warranty claim**. Your order number is all the proof you need.
          2. Describe the fault and add a photo or short video.
          3. We email a prepaid label, or send a technician for large appliances.

          We repair or replace the product within **10 business days** of receiving it. If it can't be repaired, you get the same or an equivalent model, or a refund.

          **Back up your data before sending in a phone, laptop or tablet**: repairs may reset the device. Where a brand's own warranty is longer, you can use either.
        `,
      },
      'zh-CN': {
        title: '2 年保修包括哪些内容？',
        body: md`
          我们销售的所有产品均享受自签收之日起 **2 年 Acme Demo 保修**，涵盖制造缺陷以及正常使用下出现的零部件故障。可充电电池保修 12 个月；如品牌官方保修更长，以官方为准。

          不在保修范围内：
          - 意外损坏，例如摔落、屏幕碎裂、进水；
          - 使用错误电压、充电器或电源造成的损坏；
          - 非我们或品牌授权服务中心进行的维修、改装；
          - 正常磨损、划痕，以及滤网、墨盒等耗材。

          申请保修：
          1. 在[我的订单](https://acme.test/account/orders)中选择商品，点击**申请保修**。有订单号就足够，无需其他凭证。
          2. 描述故障情况，并上传照片或短视频。
          3. 我们会通过邮件发送预付快递标签；大家电则安排师傅上门。

          收到商品后 **10 个工作日内** 完成维修或更换。无法维修的，我们会更换同款或同等型号，或者为你退款。

          **寄修手机、笔记本电脑或平板前，请先备份数据**，维修过程中设备可能会被恢复出厂设置。如果品牌官方保修期更长，你可以任选其一。
        `,
      },
      'zh-TW': {
        title: '2 年保固涵蓋哪些範圍？',
        body: md`
          我們販售的所有產品皆享有自到貨日起 **2 年 Acme Demo 保固**，涵蓋製造瑕疵及正常使用下發生的零件故障。充電電池保固 12 個月；若品牌原廠保固較長，則依原廠規定。

          不在保固範圍內：
          - 意外損壞，例如摔落、螢幕破裂、進水；
          - 使用錯誤電壓、充電器或電源所造成的損壞；
          - 非經我們或品牌授權維修中心進行的維修、改裝；
          - 正常磨損、刮傷，以及濾網、墨水匣等耗材。

          申請保固：
          1. 在[我的訂單](https://acme.test/account/orders)點選商品，選擇**申請保固**。只要有訂單編號即可，不需其他證明。
          2. 描述故障狀況，並上傳照片或短片。
          3. 我們會以電子郵件寄送預付寄件標籤；大型家電則安排技師到府。

          收到商品後 **10 個工作天內** 完成維修或更換。若無法維修，我們會更換同款或同等級型號，或為你退款。

          **送修手機、筆電或平板前，請先備份資料**，維修過程中裝置可能會被重設為原廠設定。若品牌原廠保固期較長，你可以擇一使用。
        `,
      },
    },
  },
  {
    key: 'manuals-drivers',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'Where can I download a user manual, driver or firmware update?',
        body: md`
          Every product page has a **Manuals & downloads** tab with the user manual, the quick-start guide and, where relevant, drivers and firmware. Manuals are available in English and Chinese.

          Can't find the product page any more?
          1. Find the **model number**: it's on the label on the back or underside of the device, on the box, or under **Settings > About** on phones, tablets and smart TVs.
          2. Go to the [Acme Demo download centre](https://support.acme.test/downloads) and search for that model number.
          3. For drivers, choose your operating system (Windows or macOS), then download.

          **Firmware**: most smart devices update themselves through their companion app or the **Settings > System update** menu. Install updates when offered; they often fix bugs and security holes.

          **Don't unplug or switch off a device during a firmware update**: an interrupted update can leave it unable to start. If that happens, it's covered by the warranty, so contact us rather than opening it yourself.

          Lost the printed manual? The PDF on the download page is identical. For video guides, see the manufacturer's official website.
        `,
      },
      'zh-CN': {
        title: '在哪里下载说明书、驱动或固件？',
        body: md`
          每个商品页面都有**说明书与下载**标签页，提供使用说明书、快速入门指南，以及适用的驱动程序和固件。说明书提供中文和英文版本。

          找不到商品页面了？
          1. 先找到**型号**：通常印在设备背面或底部的铭牌上、包装盒上，手机、平板和智能电视可以在**设置 > 关于本机**中查看。
          2. 打开 [Acme Demo 下载中心](https://support.acme.test/downloads)，搜索该型号。
          3. 下载驱动时，选择你的操作系统（Windows 或 macOS）。

          **固件升级**：大多数智能设备可以通过配套 App 或**设置 > 系统更新**自动升级。有新版本时请及时安装，它们通常会修复故障和安全漏洞。

          **升级固件时请不要拔掉电源或关机**，中断升级可能导致设备无法开机。如果真的发生了，这属于保修范围，请联系我们，不要自行拆修。

          纸质说明书丢了？下载页面上的 PDF 内容完全相同。视频教程请查看品牌官方网站。
        `,
      },
      'zh-TW': {
        title: '哪裡可以下載使用說明書、驅動程式或韌體？',
        body: md`
          每個商品頁面都有**說明書與下載**分頁，提供使用說明書、快速入門指南，以及適用的驅動程式與韌體。說明書提供中文與英文版本。

          找不到商品頁面了？
          1. 先找到**型號**：通常標示在裝置背面或底部的標籤、外盒上；手機、平板與智慧電視可在**設定 > 關於本機**查看。
          2. 前往 [Acme Demo 下載中心](https://support.acme.test/downloads)，搜尋該型號。
          3. 下載驅動程式時，請選擇你的作業系統（Windows 或 macOS）。

          **韌體更新**：大多數智慧裝置可透過專屬 App 或**設定 > 系統更新**自動更新。有新版本時請盡快安裝，通常能修正錯誤與資安漏洞。

          **更新韌體時請勿拔除電源或關機**，更新中斷可能導致裝置無法開機。萬一發生，這屬於保固範圍，請與我們聯絡，不要自行拆修。

          紙本說明書不見了？下載頁面上的 PDF 內容完全相同。教學影片請參考品牌原廠官網。
        `,
      },
    },
  },
  {
    key: 'installation',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'Do you install large appliances and take the old one away?',
        body: md`
          Yes. Our certified technicians install large appliances in **mainland China, Hong Kong and Taiwan**.

          Free basic installation:
          - washing machines and dryers;
          - refrigerators and freezers;
          - dishwashers.

          Installation with a fee (the exact price is shown when you book, from US$49):
          - air conditioners and water heaters;
          - built-in ovens, hobs and range hoods;
          - wall-mounting a TV (bracket included for TVs of 55 inches and larger).

          How to book:
          1. Add installation at checkout, or later from [My orders](https://acme.test/account/orders) within 30 days of delivery.
          2. The technician calls within 1 business day of delivery to arrange a visit, usually within 2-5 business days.
          3. Have the water, drainage and power points ready; the technician checks the appliance, installs it and shows you how it works.

          **Old appliance removal**: when we deliver a new appliance, we take away your old one of the same type for free and send it for recycling. Select **Remove old appliance** when booking.

          **If you booked installation, please don't unpack or switch on the appliance yourself.** A refrigerator also needs to stand upright for 4 hours before it's plugged in.
        `,
      },
      'zh-CN': {
        title: '大家电可以上门安装吗？旧机可以回收吗？',
        body: md`
          可以。我们的认证师傅在**中国大陆、香港和台湾**提供大家电上门安装服务。

          免费基础安装：
          - 洗衣机、干衣机；
          - 冰箱、冰柜；
          - 洗碗机。

          收费安装（预约时显示具体价格，49 美元起）：
          - 空调、热水器；
          - 嵌入式烤箱、灶具和油烟机；
          - 电视挂墙安装（55 英寸及以上电视附赠挂架）。

          预约方法：
          1. 结算时勾选安装服务，或在签收后 30 天内到[我的订单](https://acme.test/account/orders)中预约。
          2. 商品送达后 1 个工作日内，师傅会致电约定上门时间，一般在 2-5 个工作日内上门。
          3. 请提前准备好水源、下水口和电源插座；师傅会检查机器、完成安装，并演示使用方法。

          **旧机回收**：送新机时，可免费带走你家里同类型的旧家电并送去环保回收。预约时勾选**回收旧机**即可。

          **已预约安装的，请不要自行拆箱或通电。** 冰箱送到后也需要竖直静置 4 小时再通电。
        `,
      },
      'zh-TW': {
        title: '大型家電可以到府安裝嗎？舊機可以回收嗎？',
        body: md`
          可以。我們的認證技師在**台灣、香港及中國大陸**提供大型家電到府安裝服務。

          免費基本安裝：
          - 洗衣機、乾衣機；
          - 冰箱、冷凍櫃；
          - 洗碗機。

          需付費的安裝（預約時會顯示實際費用，49 美元起）：
          - 冷氣、熱水器；
          - 嵌入式烤箱、爐具與抽油煙機；
          - 電視壁掛安裝（55 吋以上電視附贈壁掛架）。

          預約方式：
          1. 結帳時加購安裝服務，或在到貨後 30 天內於[我的訂單](https://acme.test/account/orders)預約。
          2. 商品送達後 1 個工作天內，技師會來電約定到府時間，通常在 2-5 個工作天內安排。
          3. 請先準備好水源、排水孔與電源插座；技師會檢查機器、完成安裝，並說明使用方式。

          **舊機回收**：配送新機時，可免費搬走家中同類型的舊家電並送交環保回收。預約時勾選**舊機回收**即可。

          **已預約安裝者，請勿自行拆箱或插電。** 冰箱送達後也需直立靜置 4 小時再插電。
        `,
      },
    },
  },
  {
    key: 'battery-safety',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'How do I charge and look after lithium batteries safely?',
        body: md`
          Phones, laptops, power banks, e-scooters and cordless vacuums all use lithium-ion batteries. Treated well, they are safe and last for years.

          Charging:
          - Use the charger and cable that came with the device, or a certified replacement with the same voltage.
          - Charge on a hard surface, not on a bed, a sofa or under a pillow, and don't cover the device while it charges.
          - Keep it between 0 °C and 35 °C; don't leave it in a hot car or in direct sun.
          - Unplug e-scooters and power banks once they are full, and don't leave them charging overnight unattended.

          Storage: if you won't use a device for a month or more, store it at about 50% charge and top it up every 3 months.

          **Stop using the device at once if the battery swells, gets very hot, smells, hisses or leaks.** Unplug it, put it on a non-flammable surface away from anything that can burn, and contact us.

          **Never post a swollen or damaged battery back yourself**: couriers prohibit it. We arrange a special collection, and swelling in normal use within the battery warranty is covered. Recycle old batteries at a battery collection point, never in household rubbish.
        `,
      },
      'zh-CN': {
        title: '如何安全地给锂电池充电和保养？',
        body: md`
          手机、笔记本电脑、充电宝、电动滑板车和无线吸尘器都使用锂离子电池。正确使用，它们既安全又耐用。

          充电注意：
          - 使用设备原装的充电器和数据线，或电压相同的认证替代品。
          - 在坚硬的台面上充电，不要放在床上、沙发上或枕头下，充电时不要覆盖设备。
          - 使用温度保持在 0 °C 至 35 °C 之间，不要把设备留在高温的车内或阳光直射处。
          - 电动滑板车和充电宝充满后请拔掉电源，不要在无人看管的情况下整夜充电。

          存放：如果一个月以上不用，请保持约 50% 电量存放，每 3 个月补充一次电。

          **如果电池鼓包、异常发烫、有异味、发出嘶嘶声或漏液，请立即停止使用。** 拔掉电源，把设备放在远离易燃物的不可燃表面上，然后联系我们。

          **切勿自行把鼓包或受损的电池寄回**，快递公司禁止寄送。我们会安排专门回收；在电池保修期内正常使用出现鼓包，属于保修范围。旧电池请投放到电池回收点，不要扔进生活垃圾。
        `,
      },
      'zh-TW': {
        title: '如何安全地為鋰電池充電與保養？',
        body: md`
          手機、筆電、行動電源、電動滑板車和無線吸塵器都使用鋰離子電池。只要正確使用，既安全又耐用。

          充電注意事項：
          - 使用裝置隨附的原廠充電器與傳輸線，或電壓相同的認證替代品。
          - 請在堅硬的桌面上充電，不要放在床上、沙發上或枕頭下，充電時也不要覆蓋裝置。
          - 使用溫度維持在 0 °C 到 35 °C 之間，不要把裝置留在高溫的車內或陽光直射處。
          - 電動滑板車與行動電源充飽後請拔掉插頭，不要在無人看顧的情況下整夜充電。

          存放：若一個月以上不會使用，請維持約 50% 電量存放，並每 3 個月補充一次電。

          **電池若膨脹、異常發燙、有異味、發出嘶嘶聲或漏液，請立即停止使用。** 拔掉電源，將裝置放在遠離易燃物的不可燃表面上，再與我們聯絡。

          **請勿自行將膨脹或受損的電池寄回**，物流業者禁止寄送。我們會安排專人回收；在電池保固期內正常使用發生膨脹，屬於保固範圍。廢電池請投入電池回收點，不要丟進一般垃圾。
        `,
      },
    },
  },
  {
    key: 'restock',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'An item is out of stock: when will it be available again?',
        body: md`
          Stock changes quickly, especially for new phones and seasonal appliances. To get an item as soon as it's back:

          1. Open the product page and select **Notify me**.
          2. We email you once when it's back in stock. The alert lasts 90 days.

          Most items are restocked within **2-4 weeks**, but the brand decides delivery dates, so we can't give an exact date in chat or hold stock for individual customers.

          **Pre-orders**: products not yet released show a **Pre-order** button and the expected shipping date. Payment is taken when you order, and the item ships on or shortly after release day. You can cancel a pre-order any time before it ships for a full refund.

          If a product page says **Discontinued**, it won't come back; the page usually suggests the model that replaces it.

          **Beware of websites or people offering to "reserve" Acme Demo stock for a deposit**: we only sell through acme.test.
        `,
      },
      'zh-CN': {
        title: '商品缺货了，什么时候补货？',
        body: md`
          商品库存变化很快，尤其是新款手机和季节性家电。想第一时间买到，可以这样做：

          1. 打开商品页面，点击**到货通知**。
          2. 补货后我们会发一封邮件通知你。提醒有效期为 90 天。

          大多数商品会在 **2-4 周内** 补货，但到货时间由品牌方决定，所以客服无法告诉你确切日期，也不能为个人预留库存。

          **预售**：尚未正式发布的商品，页面上会显示**预售**按钮和预计发货日期。下单时付款，商品会在发布当天或之后不久发出。预售订单在发货前可随时取消并全额退款。

          如果商品页面显示**已停产**，就不会再补货了，页面通常会推荐替代的新型号。

          **请警惕声称可以交定金“预留” Acme Demo 库存的网站或个人**：我们只通过 acme.test 销售。
        `,
      },
      'zh-TW': {
        title: '商品缺貨了，什麼時候會補貨？',
        body: md`
          商品庫存變動很快，尤其是新款手機與季節性家電。想搶先買到，可以這樣做：

          1. 開啟商品頁面，點選**貨到通知我**。
          2. 補貨後我們會寄一封電子郵件通知你。通知有效期限為 90 天。

          大多數商品會在 **2-4 週內** 補貨，但到貨時間由品牌原廠決定，因此客服無法提供確切日期，也無法替個別顧客保留庫存。

          **預購**：尚未正式上市的商品，頁面會顯示**預購**按鈕與預計出貨日。下單時即付款，商品會在上市當天或之後不久出貨。預購訂單在出貨前都可以隨時取消並全額退款。

          若商品頁面顯示**已停產**，就不會再補貨，頁面通常會推薦取代的新型號。

          **請小心聲稱可以付訂金「保留」Acme Demo 庫存的網站或個人**：我們只在 acme.test 販售。
        `,
      },
    },
  },
  {
    key: 'voltage-plugs',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'Will the appliance work with the voltage and plugs where I live?',
        keywords: ['110V', '220V'],
        body: md`
          We ship the regional version that matches your delivery address, so appliances arrive with the right voltage and plug:

          - **Mainland China**: 220V, 50Hz, plug types A and I.
          - **Taiwan**: 110V, 60Hz, plug types A and B.
          - **Hong Kong and Macau**: 220V, 50Hz, type G (some older buildings in Macau use type D).
          - **United States and Canada**: 120V, 60Hz, types A and B.
          - **United Kingdom, Ireland and Singapore**: 230V, 50Hz, type G.
          - **Australia and New Zealand**: 230V, 50Hz, type I.

          The product page lists the voltage under **Specifications**.

          Taking something abroad? Most phone, laptop and camera chargers accept 100-240V, so a simple plug adapter is enough; check the INPUT line printed on the charger. Kettles, hair dryers, rice cookers and other heating appliances are usually single-voltage.

          **Never run a 110V heating appliance on 220V, even through a travel converter**: it can overheat or catch fire, and damage from the wrong voltage isn't covered by the warranty.

          Because of safety certification rules, we can't ship a version meant for another region.
        `,
      },
      'zh-CN': {
        title: '买的电器在我这里能用吗？电压和插头怎么看',
        keywords: ['110V', '220V'],
        body: md`
          我们会根据收货地址发出对应地区的版本，所以收到的电器电压和插头都是匹配的：

          - **中国大陆**：220V，50Hz，A 型和 I 型插头。
          - **台湾**：110V，60Hz，A 型和 B 型插头。
          - **香港和澳门**：220V，50Hz，G 型插头（澳门部分老楼使用 D 型）。
          - **美国和加拿大**：120V，60Hz，A 型和 B 型。
          - **英国、爱尔兰和新加坡**：230V，50Hz，G 型。
          - **澳大利亚和新西兰**：230V，50Hz，I 型。

          商品页面的**规格参数**中列出了电压。

          要带到国外使用？大多数手机、笔记本电脑和相机的充电器支持 100-240V，只需要一个转换插头；请查看充电器上印的 INPUT 一栏。电热水壶、吹风机、电饭煲等发热电器通常只支持单一电压。

          **切勿把 110V 的发热电器接到 220V 电源上，即使通过旅行变压器也不行**：可能过热甚至起火，而且因电压错误造成的损坏不在保修范围内。

          出于安全认证规定，我们不能寄送其他地区的版本。
        `,
      },
      'zh-TW': {
        title: '買的電器在我這裡能用嗎？電壓與插頭說明',
        keywords: ['110V', '220V'],
        body: md`
          我們會依收件地址寄出對應地區的版本，所以收到的電器電壓與插頭都會符合當地規格：

          - **台灣**：110V，60Hz，A 型與 B 型插頭。
          - **中國大陸**：220V，50Hz，A 型與 I 型插頭。
          - **香港、澳門**：220V，50Hz，G 型插頭（澳門部分舊大樓使用 D 型）。
          - **美國、加拿大**：120V，60Hz，A 型與 B 型。
          - **英國、愛爾蘭、新加坡**：230V，50Hz，G 型。
          - **澳洲、紐西蘭**：230V，50Hz，I 型。

          商品頁面的**規格**欄位會列出電壓。

          要帶出國使用？大多數手機、筆電和相機的充電器支援 100-240V，只要一個轉接頭就夠了；請查看充電器上標示的 INPUT。快煮壺、吹風機、電鍋等電熱類家電通常只支援單一電壓。

          **切勿將 110V 的電熱類家電接上 220V 電源，就算透過旅行用變壓器也不行**：可能過熱甚至起火，且因電壓錯誤造成的損壞不在保固範圍內。

          基於安全認證規定，我們無法寄送其他地區的版本。
        `,
      },
    },
  },
  {
    key: 'genuine-products',
    category: 'products-warranty',
    versions: {
      en: {
        title: 'Are your products genuine and covered by the official warranty?',
        body: md`
          Yes. Acme Demo is an **authorised retailer**: every product comes from the brand itself or its official distributor in your region, never from grey-market or parallel-import sources.

          What that means for you:
          - Products arrive **new and factory sealed**, with the manufacturer's accessories and manuals.
          - The serial number can be checked on the brand's official website, and the brand's service centres recognise your purchase.
          - Our invoice is valid proof of purchase for both our [2-year warranty](https://acme.test/help/warranty) and the manufacturer's warranty.

          Some listings are clearly marked **Certified refurbished**. These are inspected and repaired by the manufacturer or our technicians, come in a plain box and carry the same 2-year warranty. They are never sold as new.

          **Bought an "Acme Demo" product from a marketplace seller or on social media?** We don't sell through third-party shops, so we can't vouch for those items. If you suspect something you received from us isn't genuine, send us the serial number and photos in chat and we'll check it within 1 business day.
        `,
      },
      'zh-CN': {
        title: '你们卖的是正品吗？享受官方保修吗？',
        body: md`
          是的。Acme Demo 是**品牌授权经销商**，所有商品均来自品牌方或其在当地的官方分销商，绝不销售水货或平行进口商品。

          这意味着：
          - 商品**全新、原厂封装**，附带原厂配件和说明书。
          - 序列号可在品牌官网查询验证，品牌售后服务中心认可你的购买记录。
          - 我们开具的发票可作为[2 年保修](https://acme.test/help/warranty)和品牌官方保修的有效购买凭证。

          部分商品会明确标注**官方翻新**。这些商品经过品牌方或我们的技术人员检测和维修，采用简易包装，同样享受 2 年保修，绝不会当作新品出售。

          **在电商平台店铺或社交媒体上买到了“Acme Demo”商品？** 我们不通过第三方店铺销售，因此无法为这些商品担保。如果你怀疑从我们这里收到的商品不是正品，请通过在线客服发送序列号和照片，我们会在 1 个工作日内核实。
        `,
      },
      'zh-TW': {
        title: '你們賣的是正品公司貨嗎？享有原廠保固嗎？',
        body: md`
          是的。Acme Demo 是**品牌授權經銷商**，所有商品都來自品牌原廠或其在當地的官方代理商，絕不販售水貨或平行輸入商品。

          這代表：
          - 商品**全新未拆封**，附原廠配件與說明書。
          - 產品序號可在品牌官網查詢，原廠維修中心也會認可你的購買紀錄。
          - 我們開立的發票可作為[2 年保固](https://acme.test/help/warranty)與原廠保固的有效購買證明。

          部分商品會清楚標示**原廠整新品**。這些商品經原廠或我們的技師檢測整修，採簡易包裝，一樣享有 2 年保固，絕不會當成新品販售。

          **在購物平台賣場或社群網站買到「Acme Demo」商品？** 我們不透過第三方賣場販售，因此無法為這些商品提供保證。若你懷疑從我們這裡收到的商品不是正品，請透過線上客服傳送產品序號與照片，我們會在 1 個工作天內查核。
        `,
      },
    },
  },
];
