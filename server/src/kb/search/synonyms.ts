/**
 * Synonyms of the e-commerce support domain, applied to QUERY terms only: a question that says
 * "money back" also looks for "refund", one that says 退钱 also looks for 退款. Articles are indexed
 * as written, so an article never needs hand-written keywords to be found.
 *
 * Rules for an entry: each group is a set of words or phrases that customers and help articles use
 * interchangeably for the same thing in online shopping (not "related topics", not opposites), in one
 * language, except the names of payment brands, which are the same thing written two ways (支付宝 / Alipay).
 * Chinese entries are written in simplified characters and folded like any text (normalize.ts), so
 * pairs that folding already joins (登入/登录, 帳號/账号, 聯絡/联系) are not listed; Taiwan-only
 * vocabulary that OpenCC does not fold (保固, 超商, 點數...) is. The Chinese forms are also given to
 * jieba as domain words (tokenize.ts), so 寄回去 segments as 寄回/去 and the entry can match. The unit
 * test checks that every form segments as whole words inside a question and that no two forms of a
 * group fold to the same text.
 *
 * A synonym found in a question becomes an alternative of the same query concept: it can satisfy the
 * concept for the confidence rule (confidence.ts), but scores lower than the customer's own word, and
 * only part of a synonym (购物 of 购物卡) counts half.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // --- English ---
  ['refund', 'money back', 'reimbursement', 'reimburse', 'repayment'],
  ['package', 'parcel'],
  // Porter stems delivery -> deliveri but delivered -> deliv: the group also mends that.
  ['delivery', 'deliver', 'delivered', 'shipping', 'shipment'],
  ['dispatch', 'dispatched', 'send out'],
  ['shipping cost', 'shipping fee', 'postage', 'delivery charge', 'delivery fee'],
  ['order', 'purchase'],
  ['return', 'send back'],
  ['exchange', 'swap', 'replacement', 'replace'],
  ['cancel', 'call off'],
  ['coupon', 'voucher', 'promo code', 'discount code', 'promotional code'],
  ['invoice', 'receipt', 'bill'],
  ['tracking number', 'tracking code', 'tracking id', 'waybill'],
  ['track', 'trace', 'where is my order'],
  ['sign in', 'log in', 'login', 'signin', 'logon'],
  ['sign up', 'register', 'registration', 'create account', 'signup'],
  ['password', 'passcode', 'pwd'],
  ['delete', 'remove', 'erase', 'close'],
  ['damaged', 'broken', 'defective', 'faulty', 'cracked'],
  ['lost', 'missing'],
  ['warranty', 'guarantee'],
  ['international', 'overseas', 'abroad', 'worldwide'],
  ['customs', 'import duty', 'import tax'],
  ['fee', 'charge', 'cost'],
  ['price', 'cost'],
  ['pay', 'paid', 'payment'],
  ['cash on delivery', 'cod'],
  ['instalment', 'installment', 'pay later'],
  ['email', 'e-mail', 'mail'],
  ['phone', 'telephone', 'call', 'hotline'],
  ['contact', 'reach'],
  ['customer service', 'support', 'customer care', 'service team'],
  ['human', 'person', 'agent', 'representative'],
  ['address', 'shipping address', 'delivery address'],
  ['size', 'fit', 'sizing'],
  ['points', 'rewards', 'loyalty points'],
  ['membership', 'loyalty program', 'member'],
  ['unsubscribe', 'opt out', 'stop emails'],
  ['privacy', 'personal data', 'personal information'],
  ['store', 'shop', 'outlet', 'showroom'],
  ['hours', 'opening hours', 'business hours'],
  ['gift card', 'gift voucher', 'gift certificate'],
  ['out of stock', 'sold out', 'unavailable'],
  ['promotion', 'sale', 'offer', 'deal'],
  ['manual', 'instructions', 'user guide', 'handbook', 'instruction manual', 'user manual'],
  ['genuine', 'authentic'],
  ['fake', 'counterfeit', 'knockoff', 'replica'],
  ['bulk', 'wholesale', 'large quantity'],
  ['american express', 'amex'],
  ['alipay', '支付宝'],
  ['wechat pay', '微信支付'],
  ['unionpay', '银联'],
  // --- 中文 (folded: simplified) ---
  ['退款', '退钱', '退费', '返款', '退回款项'],
  ['配送', '送货', '运送', '派送', '寄送'],
  // Taiwan ships out with 出貨 where the mainland says 发货.
  ['发货', '出货'],
  ['快递', '物流', '快递公司', '物流公司', '快递员'],
  ['包裹', '快递', '快件'],
  ['订单', '单子', '订购'],
  ['退货', '退回', '寄回', '退换货'],
  ['换货', '更换', '调换', '退换货'],
  ['取消', '撤销', '撤回'],
  ['优惠券', '优惠码', '折扣码', '代金券', '折价券', '礼券', '抵用券'],
  ['发票', '收据', '开票', '电子发票'],
  ['物流单号', '快递单号', '运单号', '追踪号码', '单号'],
  ['追踪', '跟踪', '查件', '查询物流'],
  ['登录', '登陆'],
  ['注册', '开户', '创建账号'],
  ['密码', '口令'],
  ['账号', '账户', '会员账号'],
  ['删除', '注销', '移除'],
  ['损坏', '破损', '坏了', '坏掉', '摔坏', '瑕疵', '故障'],
  ['丢失', '丢件', '遗失', '不见了'],
  ['保修', '保固', '质保', '保修期'],
  ['海外', '国外', '国际', '境外', '跨境'],
  ['关税', '进口税', '报关'],
  ['运费', '邮费', '快递费', '配送费', '运输费'],
  ['费用', '收费', '手续费'],
  ['付款', '支付', '付钱', '结账', '买单'],
  ['货到付款', '到付'],
  ['分期', '分期付款'],
  ['邮件', '邮箱', '电子邮件'],
  ['电话', '热线', '客服电话', '联系电话'],
  ['客服', '客户服务', '人工客服', '人工'],
  ['地址', '收货地址', '收件地址'],
  ['尺码', '尺寸', '码数', '大小'],
  ['积分', '点数', '红利'],
  ['会员', '会籍'],
  ['隐私', '个人信息', '个人资料', '个资'],
  ['门店', '门市', '实体店', '店铺'],
  ['便利店', '超商', '便利商店'],
  ['营业时间', '服务时间', '上班时间'],
  ['礼品卡', '礼物卡', '购物卡'],
  ['缺货', '没货', '售罄', '断货'],
  ['移动支付', '行动支付'],
  ['质量', '品质'],
  ['说明书', '使用说明', '使用手册', '用户手册', '操作手册'],
  ['正品', '真品', '正货', '行货'],
  ['假货', '仿冒品', '山寨货', '冒牌货', '高仿'],
  ['批量', '批发', '大量采购', '大宗采购'],
];
