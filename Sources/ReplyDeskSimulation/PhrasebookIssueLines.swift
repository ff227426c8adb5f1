/// What customers say to raise each issue and follow-up, per persona. `{order}`, `{item}`,
/// `{email}`, `{days}` and `{amount}` are replaced from the customer's profile.
extension Phrasebook {
  static let issueLines: [String: PersonaLines] = [
    "refund_status": PersonaLines(
      neutral: [
        "Hi, I returned my {item} a while ago and I still haven't seen the refund. Can you check?",
        "Hello, I'm wondering what's happening with my refund for order {order}.",
        "Hi there, could you tell me the status of my refund? The order was {order}.",
        "I sent back an order and I'm waiting for the money. Has the refund gone through yet?",
        "Hey, when will I get my refund for the {item}?",
      ],
      terse: ["refund status for {order}?", "where's my refund", "Refund for {order} - any update?"],
      angry: [
        "I've been waiting {days} days for my refund and nobody tells me anything. Where is my money?",
        "This is the second time I'm asking: where is the refund for order {order}??",
      ],
      confused: [
        "Hi, sorry, I'm not sure if my refund was approved or not? I returned the {item}.",
        "I got an email about a refund but I don't see any money on my card, what does it mean?",
      ]),
    "cancel_order": PersonaLines(
      neutral: [
        "Hi, I'd like to cancel my order {order}, please.",
        "Hello, I ordered a {item} by mistake. Can I still cancel the order?",
        "I changed my mind about order {order}. Is it possible to cancel it?",
        "Hi, can you cancel my most recent order before it ships?",
      ],
      terse: ["cancel order {order}", "Need to cancel {order}.", "pls cancel my order"],
      angry: [
        "I want this order cancelled right now. I found the {item} cheaper and your site won't let me cancel.",
        "Why is there no cancel button?! Cancel order {order} immediately.",
      ],
      confused: [
        "Hi, I think I ordered twice by accident? I'd like to cancel one of them, the {item}.",
        "How do I cancel an order? I can't find it anywhere in my account.",
      ]),
    "return_item": PersonaLines(
      neutral: [
        "Hi, I'd like to return the {item} I received. How do I do that?",
        "Hello, the {item} doesn't fit what I needed. Can I send it back?",
        "I want to return part of order {order}. What's the process?",
        "Hi, the {item} arrived damaged, so I'd like to return it.",
      ],
      terse: ["how do I return the {item}?", "Return for {order} please", "want to send this back"],
      angry: [
        "The {item} you sent is broken. I want to return it and I'm not paying for shipping.",
        "Really disappointed with the {item}. How do I return this thing?",
      ],
      confused: [
        "Hello, can I still return something if I opened the box? It's the {item}.",
        "I'm not sure how returns work here, do I need a label or something?",
      ]),
    "delivery_late": PersonaLines(
      neutral: [
        "Hi, my order {order} was supposed to arrive already. Do you know what's going on?",
        "Hello, my {item} still hasn't arrived and it's been {days} days. Is it delayed?",
        "Hi, I'm still waiting for my package. The delivery date has passed.",
        "My order is late. Can you tell me when it will actually be delivered?",
      ],
      terse: ["order {order} is late", "package late. eta?", "still no delivery"],
      angry: [
        "Where is my order?! It's {days} days late and the tracking hasn't moved.",
        "This is unacceptable. I needed the {item} for the weekend and it's still not here.",
      ],
      confused: [
        "Hi, the tracking page says something about an exception? My order hasn't come, is that normal?",
        "I thought my {item} would be here by now, did I pick the wrong shipping maybe?",
      ]),
    "delivery_status": PersonaLines(
      neutral: [
        "Hi, can you tell me where my order {order} is?",
        "Hello, has my {item} shipped yet?",
        "Hi there, I'd like to know when my order will be delivered.",
        "Could you give me an update on the delivery of order {order}?",
      ],
      terse: ["status of {order}?", "when does my order arrive", "shipped yet?"],
      angry: ["I've been refreshing the tracking page all day. When is my order {order} arriving?"],
      confused: [
        "Hi, I placed an order but I haven't had any email about shipping. Did it go through?",
        "Sorry, how do I check where my package is?",
      ]),
    "change_address": PersonaLines(
      neutral: [
        "Hi, I need to change the delivery address on order {order}.",
        "Hello, I'm moving next week. Can I update the shipping address for my order?",
        "I put the wrong address on my order by mistake. Can you fix it?",
        "Hi, could my {item} be delivered to my work address instead?",
      ],
      terse: ["change address on {order}", "wrong address on my order", "need new delivery address"],
      angry: [
        "Your checkout used my old address even though I updated it. Fix the address on {order} now please."
      ],
      confused: ["Hi, I think the order is going to my old flat? Can that be changed?"]),
    "payment_failed": PersonaLines(
      neutral: [
        "Hi, my payment keeps getting declined at checkout. Can you help?",
        "Hello, I tried to pay for my order but it says the payment failed.",
        "My card was rejected when I tried to order the {item}. Is something wrong on your side?",
      ],
      terse: ["payment failed", "card declined at checkout, why?", "can't pay"],
      angry: ["I've tried three cards and your checkout rejects all of them. What is going on?"],
      confused: ["Hi, it says 'payment could not be processed' - did I get charged or not?"]),
    "double_charge": PersonaLines(
      neutral: [
        "Hi, I was charged twice for order {order}. Can you look into it?",
        "Hello, my bank statement shows two payments of {amount} for one order.",
        "I think I've been double charged for the {item}.",
      ],
      terse: ["charged twice for {order}", "double charge on my card"],
      angry: ["You took {amount} from my account TWICE. I want my money back today."],
      confused: ["Hi, I see two charges from you on my card, is one of them a mistake?"]),
  ]

  static let followUpLines: [String: [String]] = [
    "refund_when": [
      "When exactly will the money be back on my card?", "How long until I actually see it?",
      "ok and when does it reach my bank?",
    ],
    "refund_amount": [
      "Is that the full amount? I thought I paid more.", "Does that include the shipping cost?",
      "Why is the refund less than what I paid?",
    ],
    "cancel_refund": [
      "When will I get the money back?", "How long does the refund take after cancelling?",
    ],
    "return_refund": [
      "And when do I get my refund once it's sent back?", "How long does the refund take after you get it?",
    ],
    "return_condition": [
      "Do I need the original box?", "I already threw away the packaging, is that a problem?",
    ],
    "delivery_late_followup": [
      "Why is it taking so long?", "Can I get anything for the delay? I paid for fast shipping.",
      "What happened to it?",
    ],
    "tracking": [
      "Do you have a tracking number?", "Can I track it somewhere?", "what's the tracking number?",
    ],
    "delivery_status": ["When will it arrive now?", "Will that change the delivery date?"],
    "delivery_window": ["What time will it come? I need to be home.", "Do you know the delivery time slot?"],
    "payment_method": ["What other ways can I pay?", "Can I use PayPal instead?"],
    "double_charge_followup": [
      "And if the extra charge doesn't disappear?", "What if it's still there next week?",
    ],
  ]
}
