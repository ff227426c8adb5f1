/// What customers say in reply to the representative: identification, confirmations, thanks,
/// impatience and goodbyes.
extension Phrasebook {
  static let replyLines: [String: PersonaLines] = [
    "greet": PersonaLines(
      neutral: ["Hi!", "Hello, is anyone there?", "Hi, I need some help with an order.", "Good morning."],
      terse: ["hi", "hello?"], angry: ["Hello. I need help, and quickly please."],
      confused: ["Hi, sorry, is this the right place for order questions?"]),
    "provide_order_id": PersonaLines(
      neutral: [
        "Sure, it's {order}.", "The order number is {order}.", "Yes, {order}.", "It's {order}, thanks.",
      ],
      terse: ["{order}", "{order}."], angry: ["It's {order}. I already gave it in my last chat."],
      confused: ["I think it's {order}? That's what the email says."]),
    "provide_email": PersonaLines(
      neutral: ["It's {email}.", "Sure, the email is {email}.", "I used {email}."],
      terse: ["{email}"], angry: ["{email}. Can we get on with it?"],
      confused: ["Probably {email}, I have a couple of addresses."]),
    "no_order_number": PersonaLines(
      neutral: ["I don't have the order number to hand, sorry. My email is {email}."],
      terse: ["no order number. email is {email}"], angry: ["I don't have it. Use my email: {email}."]),
    "no_email": PersonaLines(
      neutral: ["I'm not sure which email I used, but the order number is {order}."],
      terse: ["not sure. order {order}"]),
    "no_details": PersonaLines(
      neutral: ["Sorry, I don't have the order number or the email to hand."],
      terse: ["don't have it"], angry: ["I don't have any of that. Can't you look me up?"],
      confused: ["Oh, I don't know where to find that, sorry."]),
    "recontact": PersonaLines(
      neutral: ["Hi, I contacted you earlier about this and it still isn't sorted."],
      terse: ["me again, still not sorted"],
      angry: ["This is the second time I'm contacting you about this."],
      confused: ["Hello again, I think my problem from before is still there?"]),
    "provide_address": PersonaLines(
      neutral: [
        "The new address is {new_address}.", "Please send it to {new_address}.",
        "It should go to {new_address}.",
      ],
      terse: ["{new_address}"], angry: ["{new_address}. Please make sure it's right this time."],
      confused: ["Um, {new_address}, I think that's the full address."]),
    "confirm": PersonaLines(
      neutral: ["Yes please.", "Yes, go ahead.", "That would be great, thank you.", "Yes, that's right."],
      terse: ["yes", "yep", "ok"], angry: ["Yes. Obviously.", "Yes, just do it."],
      confused: ["Yes, I think so?", "Oh, yes please."]),
    "decline": PersonaLines(
      neutral: ["Actually, no. I'll keep it after all.", "Hmm, no, let's leave it as it is."],
      terse: ["no", "nah, leave it"], angry: ["No. Forget it."], confused: ["Oh, then maybe not, sorry."]),
    "decline_unrelated": PersonaLines(
      neutral: ["No thanks, that's not what I'm asking about.", "No, I don't need that."],
      terse: ["no, not that"], angry: ["No! That's not what I asked for."],
      confused: ["Oh, no, I don't think I need that?"]),
    "thanks": PersonaLines(
      neutral: [
        "Great, thank you!", "Okay, thanks for checking.", "Perfect, that's all I needed to know.",
        "Thanks a lot!",
      ],
      terse: ["ok thx", "thanks", "k"], angry: ["Fine. Thanks.", "Okay. Finally."],
      confused: ["Oh okay, that makes sense now. Thank you!"]),
    "nothing_else": PersonaLines(
      neutral: ["No, that's all. Thanks!", "Nope, that's everything.", "No, I'm good, thank you."],
      terse: ["no", "nope"], angry: ["No."], confused: ["No, I think that's it."]),
    "goodbye": PersonaLines(
      neutral: ["Bye!", "Thanks, bye!", "Have a good day, bye."], terse: ["bye"], angry: ["Bye."],
      confused: ["Okay, bye then!"]),
    "accept_escalation": PersonaLines(
      neutral: ["Okay, thanks. I'll wait to hear from them.", "Alright, thank you for passing it on."],
      terse: ["ok"], angry: ["Fine, but I expect an answer this time."],
      confused: ["Oh okay, so someone will contact me? Thanks."]),
    "impatient": PersonaLines(
      neutral: [
        "That doesn't really answer my question.", "Sorry, I'm not sure that's related to my issue.",
      ],
      terse: ["that's not what I asked", "??"],
      angry: ["That has nothing to do with what I asked!", "Are you even reading my messages?"],
      confused: ["I'm sorry, I don't understand how that helps?"]),
    "nudge": PersonaLines(
      neutral: ["Hello? Are you still there?", "Any update?"], terse: ["?", "hello?"],
      angry: ["Hello?? I've been waiting for ages."], confused: ["Sorry, did my message come through?"]),
    "leave": PersonaLines(
      neutral: ["Never mind, I'll try again later."], terse: ["forget it"],
      angry: ["Forget it. I'm done waiting.", "This is useless, I'll dispute the charge with my bank."],
      confused: ["Okay, I'll come back later I guess."]),
    "escalate": PersonaLines(
      neutral: ["Could I speak to a supervisor, please?"], terse: ["manager pls"],
      angry: ["I want to speak to a manager. Now.", "Get me someone who can actually fix this."],
      confused: ["Is there someone else who could help with this?"]),
  ]
}
