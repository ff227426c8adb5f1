#!/usr/bin/env python3
"""Writes queries.jsonl, the held-out grounding evaluation set (see README.md).

Customer phrasing, profiles and candidate replies here are written for this set alone: not drawn
from Templates/, the simulator's phrasebook or the ranker's training paraphrases, and never to be
used for training. Deterministic: run it again and the file is identical.
"""
import json
import random

random.seed(2026)
NOW = "2026-12-01T12:00:00Z"

ITEMS = [
    "desk lamp", "hiking boots", "espresso grinder", "yoga mat", "wool scarf", "standing fan",
    "bluetooth speaker", "cast iron skillet", "garden hose", "road bike helmet", "picture frame",
    "electric toothbrush", "rain jacket", "board game", "bath towel set", "kids backpack",
    "phone tripod", "ceramic teapot", "office chair", "winter gloves", "air purifier", "camping stove",
]
FIRST = ["Priya", "Tomasz", "Lena", "Kwame", "Sofia", "Diego", "Hannah", "Ravi", "Mei", "Oskar"]
LAST = ["Andersen", "Mbeki", "Castillo", "Novak", "Tanaka", "Fischer", "O'Brien", "Haddad"]

def order_id(style):
    if style == 0:
        return "%d-%d" % (random.randint(100, 999), random.randint(1000, 9999))
    if style == 1:
        return str(random.randint(7_000_000_000, 9_999_999_999))
    if style == 2:
        return "RD-%d" % random.randint(100000, 999999)
    return "W%d" % random.randint(10000, 99999)

def mention(oid):
    digits = "".join(c for c in oid if c.isdigit())
    forms = ["#" + oid, oid, "order " + oid, "order #" + oid]
    if "-" in oid and oid[0].isdigit():
        forms.append("#" + oid)
    if oid.startswith("RD-"):
        forms += ["rd" + digits, "#" + digits]
    return random.choice(forms)

def day(offset):
    return "2026-%02d-%02d" % ((12, 1 + offset) if offset >= 0 else (11, 30 + offset + 1))

STATUSES = ["processing", "shipped", "delayed", "delivered", "cancelled", "returned"]
REFUNDS = ["none", "requested", "approved", "issued", "rejected"]

def make_order(status, refund, item, oid):
    placed = {"processing": -1, "shipped": -4, "delayed": -12, "delivered": -15,
              "cancelled": -6, "returned": -25}[status]
    delivery = {"processing": 5, "shipped": 2, "delayed": random.choice([-3, 2]),
                "delivered": random.randint(-9, -2), "cancelled": None, "returned": -18}[status]
    order = {"id": oid, "status": status, "placed_on": day(max(placed, -29)),
             "items": [{"name": item.title(), "quantity": 1, "price": round(random.uniform(9, 180), 2)}]}
    if delivery is not None:
        order["delivery_date"] = day(delivery)
    if status in ("shipped", "delayed", "delivered", "returned"):
        order["tracking_number"] = "1Z%d" % random.randint(10**9, 10**10 - 1)
    if refund != "none":
        order["refund"] = {"amount": order["items"][0]["price"], "status": refund,
                           "requested_on": day(-5)}
    return order

# Candidate replies, one bank per state. {ref} is how the reply names the order.
ORDER_REPLIES = {
    "processing": [
        "Right now {ref} is sitting in the packing queue; it won't go out until Thursday.",
        "{Ref} hasn't been picked up by a courier yet. Our team is still getting it packed.",
        "Our fulfilment centre is still working on {ref}, so there's no tracking number yet.",
        "{Ref} is confirmed and awaiting dispatch from our side.",
        "Nothing has gone out for {ref} so far; it's scheduled to leave us on Friday.",
        "We're still getting {ref} ready, it hasn't left the building.",
        "{Ref} is at the preparation stage and hasn't been sent.",
        "Good news, nothing is wrong: {ref} is simply still being put together before dispatch.",
    ],
    "shipped": [
        "{Ref} is already with the courier and moving toward you, due on Wednesday.",
        "We sent {ref} off a couple of days ago and it's travelling to you now.",
        "{Ref} went out from our depot and is currently in the carrier's hands.",
        "The parcel for {ref} is on the road and should land later this week.",
        "{Ref} was collected by the delivery company and is en route.",
        "The courier picked up {ref}; you should have it by Thursday.",
        "{Ref} is out of our building and heading to your address.",
        "Tracking shows {ref} moving between carrier hubs right now.",
    ],
    "delayed": [
        "{Ref} is taking longer than we promised; the courier pushed it back to Friday.",
        "There's a hold-up with {ref} at the carrier's sorting centre, so it's behind.",
        "I'm sorry, {ref} is late and won't arrive on the original date.",
        "{Ref} got stuck in transit and is now expected on Saturday instead.",
        "The carrier flagged a delay on {ref}; it's running behind schedule.",
        "{Ref} has been slowed down on the courier's side and is overdue.",
        "Unfortunately {ref} missed its delivery window and is delayed.",
        "Bad weather held up {ref}, so it's arriving later than planned.",
    ],
    "delivered": [
        "The courier marked {ref} as handed over at your address on Monday.",
        "{Ref} reached you already, the carrier confirmed delivery.",
        "Our tracking says {ref} was delivered and left by your front door.",
        "The driver dropped off {ref} earlier this week.",
        "According to the carrier, {ref} is delivered and signed for.",
        "{Ref} arrived at your address and the proof of delivery is on file.",
        "Delivery of {ref} was confirmed last Tuesday.",
        "{Ref} has landed: the courier shows it as delivered.",
    ],
    "cancelled": [
        "{Ref} was cancelled, so nothing is coming to you.",
        "{Ref} is no longer live on our side; it was cancelled and won't ship.",
        "We called off {ref} and the charge is being reversed.",
        "{Ref} carries a cancelled status, so it will not be sent.",
        "That order, {ref}, was cancelled before anything went out.",
        "{Ref} has been cancelled in full.",
        "There's nothing to deliver for {ref} since it was canceled.",
        "{Ref} was stopped and cancelled at your request.",
    ],
    "returned": [
        "{Ref} has made its way back to our returns centre.",
        "We've taken {ref} back in and the return has been logged.",
        "{Ref} was sent back and our warehouse has checked it in.",
        "The return for {ref} is complete: it's back with us.",
        "{Ref} came back to us, so it's registered as returned.",
        "Our returns team has received {ref}.",
        "{Ref} is back in our warehouse after your return.",
        "You sent {ref} back and it has arrived at our depot.",
    ],
}

REFUND_REPLIES = {
    "none": [
        "I can't see any refund against {ref}; none has been opened.",
        "There's no refund on file for {ref} at the moment.",
        "Nobody has asked for a refund on {ref} yet, so nothing is pending.",
        "{Ref} doesn't have a refund attached to it.",
        "No money-back request exists for {ref} so far.",
        "I checked {ref} and a refund was never opened.",
    ],
    "requested": [
        "Your refund request for {ref} has reached us and is waiting for a reviewer.",
        "The refund on {ref} is logged but still pending approval.",
        "We're still looking over the refund claim for {ref}; there's no decision yet.",
        "The refund for {ref} is in review and hasn't been signed off so far.",
        "Your refund request on {ref} is open and being assessed.",
        "The refund for {ref} is pending, the team hasn't made a call on it.",
    ],
    "approved": [
        "The refund for {ref} has been signed off and will be paid out shortly.",
        "Good news: we've okayed the refund on {ref}, and the money goes out in the next day.",
        "Your refund for {ref} is approved; it just hasn't been sent yet.",
        "The team accepted the refund for {ref}, and payment is scheduled.",
        "The refund on {ref} got approval and is queued for payment.",
        "We approved your refund for {ref}; expect it to be sent soon.",
    ],
    "issued": [
        "The refund for {ref} has already been paid back to your card.",
        "We sent the money for {ref} back to you; your bank should show it within a few days.",
        "The refund on {ref} is complete on our end and the funds have left us.",
        "Your refund for {ref} was paid out to your original payment method.",
        "The refund for {ref} went through and has been transferred to you.",
        "We've refunded {ref} in full; it's now with your bank.",
    ],
    "rejected": [
        "The refund for {ref} was not approved because the item came back used.",
        "I'm sorry, the refund request on {ref} was declined after review.",
        "We couldn't accept the refund for {ref}; it was refused.",
        "The refund on {ref} was turned down, so no money will be returned.",
        "Your refund claim for {ref} was denied by our returns team.",
        "Unfortunately the refund for {ref} was rejected.",
    ],
}

# Customer messages. {m} is how the customer names the order, {item} the item.
ORDER_QUESTIONS = [
    "hey, any news on {m}? it's been a while", "Where is my {item}? It's {m}",
    "can you check {m} for me please, I need it before the weekend",
    "i ordered a {item} ({m}), what's happening with it?", "Could you give me an update on my {item}?",
    "status of {m}??", "I'd like to know whether {m} has gone out yet.", "Has my {item} been sent?",
    "Morning. Quick one: what's the situation with {m}?", "my {item} - is it coming or not",
    "I'm thinking of cancelling {m}, where is it at right now?", "what happened to the {item} I bought?",
    "Can you tell me what's up with {m}, tracking isn't clear", "Is {m} still coming?",
]
REFUND_QUESTIONS = [
    "what's going on with the money for {m}?", "did you refund my {item} yet?",
    "I'm waiting on a refund for {m}", "any update on getting reimbursed for {m}?",
    "has the refund for the {item} been processed?", "Where does my refund for {m} stand?",
    "I asked for my money back on the {item}, what's the status", "refund for {m}, anything?",
    "Hello, could you check if I'm getting a refund on {m}?", "Is my {item} refund sorted?",
]
OPENINGS = [
    [],
    [("customer", "hi there"), ("agent", "Hello! How can I help you today?")],
    [("customer", "Hello, I need some help with an order"), ("agent", "Of course, what can I do for you?")],
]
GENERIC_ORDER_QUESTIONS = ["where's my order?", "Can you check on my order please", "what's the status of my purchase"]
GENERIC_REFUND_QUESTIONS = ["did my refund go through?", "What's happening with my refund?"]

def reference(oid, item):
    return random.choice(["order " + oid, "your order", "your " + item, "the " + item + " order",
                          "order #" + oid, "your order " + oid])

def fill(text, ref):
    text = text.replace("{Ref}", ref[0].upper() + ref[1:])
    return text.replace("{ref}", ref)

def question(bank, generic, oid, item, how):
    if how == "none":
        return random.choice(generic + [q for q in bank if "{m}" not in q and "{item}" not in q])
    pool = [q for q in bank if ("{m}" in q) == (how == "number")]
    if how == "item":
        pool = [q for q in pool if "{item}" in q]
    return random.choice(pool).replace("{m}", mention(oid)).replace("{item}", item)

def query(number, kind):
    count = random.choice([1, 1, 2, 2, 3, 4])
    style = random.randint(0, 3)
    ids = set()
    while len(ids) < count:
        ids.add(order_id(style))
    ids = sorted(ids)
    items = random.sample(ITEMS, count)
    states = STATUSES if kind == "order_status" else REFUNDS
    truth = states[number % len(states)]
    if kind == "order_status":
        refund = random.choice(["none", "none", "requested"]) if truth in ("delivered", "returned") else "none"
        target = make_order(truth, refund, items[0], ids[0])
    else:
        status = random.choice(["delivered", "returned"]) if truth != "none" else random.choice(STATUSES)
        target = make_order(status, truth, items[0], ids[0])
    others = [make_order(random.choice(STATUSES), random.choice(REFUNDS), items[k], ids[k])
              for k in range(1, count)]
    orders = others + [target]
    random.shuffle(orders)
    how = random.choice(["number", "item", "none"]) if count == 1 else random.choice(["number"] * 2 + ["item"])
    if kind == "order_status":
        text = question(ORDER_QUESTIONS, GENERIC_ORDER_QUESTIONS, ids[0], items[0], how)
    else:
        text = question(REFUND_QUESTIONS, GENERIC_REFUND_QUESTIONS, ids[0], items[0], how)
    context = [{"speaker": s, "text": t} for s, t in random.choice(OPENINGS)]
    context.append({"speaker": "customer", "text": text})
    variants = [truth] + random.sample([s for s in states if s != truth], random.randint(2, len(states) - 1))
    random.shuffle(variants)
    bank = ORDER_REPLIES if kind == "order_status" else REFUND_REPLIES
    candidates = [fill(random.choice(bank[s]), reference(ids[0], items[0])) for s in variants]
    profile = {"id": "G-%03d" % number, "name": "%s %s" % (random.choice(FIRST), random.choice(LAST)),
               "email": "customer%03d@example.net" % number, "membership": random.choice(
                   ["standard", "silver", "gold", "guest"]), "currency": "USD", "orders": orders}
    return {"id": "grounding-%03d" % number, "kind": kind, "order_id": ids[0], "context": context,
            "profile": profile, "time": NOW, "candidates": candidates, "states": variants,
            "answer": variants.index(truth)}

lines = [query(n, "order_status") for n in range(150)] + [query(n, "refund_status") for n in range(150, 250)]
with open(__file__.replace("make_queries.py", "queries.jsonl"), "w") as out:
    for line in lines:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
print("wrote %d queries" % len(lines))
