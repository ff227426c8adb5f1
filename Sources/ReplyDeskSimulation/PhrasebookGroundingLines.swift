/// What a strict customer says to a reply that gets its order wrong or asks again for something it
/// already gave. `{my_order}` is "order RD-451884" (as the customer writes it) or "my desk lamp" for
/// a customer without the number; `{delivered_day}` is the weekday the order arrived.
extension Phrasebook {
  static let groundingLines: [String: PersonaLines] = [
    "contradict_processing": PersonaLines(
      neutral: [
        "No, it hasn't shipped, that's the problem.", "That's not right, it hasn't even shipped yet.",
        "Are you sure? My account says it's still being prepared.",
      ],
      terse: ["it hasn't shipped", "no, not shipped yet"],
      angry: ["That's wrong. It hasn't even left your warehouse!"]),
    "contradict_shipped": PersonaLines(
      neutral: [
        "That's not right, it's still on its way to me.",
        "No, it hasn't arrived yet. The tracking says in transit.",
      ],
      terse: ["no, it's still in transit"], angry: ["Wrong. It's still on its way, it's not here!"]),
    "contradict_delayed": PersonaLines(
      neutral: [
        "That's not what I see. It's late and still hasn't arrived.", "No, it's delayed and still not here.",
      ],
      terse: ["no, it's late and not here"], angry: ["That's wrong. It's late and nowhere to be seen!"]),
    "contradict_delivered": PersonaLines(
      neutral: [
        "That's not right, my order was delivered on {delivered_day}.",
        "No, it already arrived on {delivered_day}.",
      ],
      terse: ["it was delivered {delivered_day}"],
      angry: ["That's wrong. It was delivered on {delivered_day}, do you even look at my account?"]),
    "contradict_cancelled": PersonaLines(
      neutral: ["That's not right, that order was cancelled.", "But that order is already cancelled."],
      terse: ["it's cancelled already"], angry: ["Wrong, I cancelled that order already!"]),
    "contradict_not_cancelled": PersonaLines(
      neutral: [
        "Wait, I never agreed to cancel anything. That order is still open.",
        "Cancelled? I didn't ask for that.",
      ],
      terse: ["I didn't cancel it"], angry: ["Cancelled?! I never said that. Don't touch my order!"]),
    "contradict_returned": PersonaLines(
      neutral: [
        "No, I already sent it back and you received it.", "That's not right, I returned it already.",
      ],
      terse: ["I returned it already"], angry: ["Wrong. I sent it back and you have it."]),
    "contradict_refund_none": PersonaLines(
      neutral: [
        "What refund? There's no refund on this order.", "That's not right, I haven't had any refund.",
      ],
      terse: ["what refund?"], angry: ["What refund? Nobody has refunded me anything!"]),
    "contradict_refund_requested": PersonaLines(
      neutral: [
        "That's not right, the email says my refund is still waiting for review.",
        "No, my refund hasn't even been reviewed yet.",
      ],
      terse: ["no, it's still under review"], angry: ["Wrong. It's still stuck in review!"]),
    "contradict_refund_approved": PersonaLines(
      neutral: [
        "That's not right, it was approved but the email says it hasn't been sent yet.",
        "No, it's approved, but nothing has been sent.",
      ],
      terse: ["approved, not sent"], angry: ["Wrong. It was approved and you still haven't sent it!"]),
    "contradict_refund_issued": PersonaLines(
      neutral: [
        "That's not what I was told. The email says the refund was already sent.",
        "No, the refund was issued already, I have the email.",
      ],
      terse: ["it was already issued"], angry: ["Wrong. You already sent it, I have the email!"]),
    "contradict_refund_rejected": PersonaLines(
      neutral: [
        "That's not right, I was told my refund was declined.", "No, the email says it was rejected.",
      ],
      terse: ["no, it was declined"], angry: ["Wrong. You declined my refund, that's the whole problem!"]),
    "wrong_order": PersonaLines(
      neutral: [
        "That's not the order I mean. I'm asking about {my_order}.",
        "No, wrong order. I'm writing about {my_order}.",
      ],
      terse: ["wrong order. {my_order}"], angry: ["That's the wrong order! I said {my_order}."]),
    "misinformed_again": PersonaLines(
      neutral: ["That's the second wrong answer I've had. Could I speak to a supervisor, please?"],
      terse: ["wrong again. supervisor pls"],
      angry: ["You keep telling me things that aren't true. Get me a supervisor. Now."]),
    "reask_order_number": PersonaLines(
      neutral: ["I already gave you that: {order}.", "I mentioned it already, it's {order}."],
      terse: ["already said. {order}"], angry: ["I already gave you that: {order}. Are you even reading?"]),
    "reask_unknown": PersonaLines(
      neutral: ["As I said, I don't have that to hand."], terse: ["told you, don't have it"],
      angry: ["I already told you I don't have it!"]),
    "reask_email": PersonaLines(
      neutral: ["I already gave you that: {email}."], terse: ["already said. {email}"],
      angry: ["I gave you my email already: {email}!"]),
    "reask_address": PersonaLines(
      neutral: ["I already gave you the address: {new_address}."], terse: ["already said. {new_address}"],
      angry: ["I told you already: {new_address}!"]),
  ]
}
