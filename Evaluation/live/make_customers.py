#!/usr/bin/env python3
"""Writes customers.jsonl: live-protocol customers for `replydesk eval live`.

Written apart from Templates/ and the simulator's phrasebook, with its own phrasing, and never part of
any training corpus. Each line: a live-protocol profile with 1-4 orders, the id of the order the
customer writes about, how the customer names it, and the messages the customer sends in turn.
Deterministic: `python3 make_customers.py > customers.jsonl`.
"""
import json
import random

rng = random.Random(20261201)
FIRST = ["Priya", "Tomás", "Lena", "Kwame", "Yuki", "Fatima", "Oskar", "Mei", "Rafael", "Aisha", "Jonas",
         "Ingrid", "Dev", "Carmen", "Hugo", "Nadia", "Emeka", "Sofia", "Arjun", "Beatriz"]
LAST = ["Shah", "Navarro", "Brandt", "Mensah", "Tanaka", "Haddad", "Lindqvist", "Zhou", "Costa", "Bello",
        "Keller", "Solberg", "Patel", "Ruiz", "Moreau", "Karimi", "Obi", "Greco", "Iyer", "Lima"]
ITEMS = ["desk lamp", "rice cooker", "yoga mat", "standing fan", "wool blanket", "coffee grinder",
         "bike helmet", "bluetooth speaker", "cast iron pan", "office chair", "kids raincoat", "air fryer"]
STATUSES = ["processing", "shipped", "delayed", "delivered", "cancelled", "returned"]
REFUNDS = [None, None, "requested", "approved", "issued", "rejected"]


def order_id(style):
    digits = "".join(rng.choice("0123456789") for _ in range(6))
    if style == "platform":
        return f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", None
    if style == "long":
        return "".join(rng.choice("0123456789") for _ in range(10)), None
    return f"RD-{digits}", digits


def named(order, digits):
    """How the customer writes the order's number."""
    forms = [order["id"], "#" + order["id"]]
    if digits:
        forms += ["#" + digits, "rd" + digits, "order " + digits]
    else:
        forms += ["order " + order["id"]]
    return rng.choice(forms)


OPENERS = {
    "where": ["hi, my {item} order {ref} has not arrived yet", "any news on {ref}? still waiting",
              "hello. {ref} - when is it coming??", "where is my {item}, order {ref}",
              "hey can u tell me whats happening with {ref}"],
    "cancel": ["I changed my mind about order {ref}. Is it possible to cancel it?",
               "pls cancel {ref}, dont need the {item} anymore", "can I still cancel {ref}?",
               "i want to cancel the {item} ({ref})"],
    "refund": ["what's going on with my refund for {ref}?", "did the money for the {item} come back yet? {ref}",
               "refund status for {ref} please", "still no refund on {ref}, what is happening"],
    "return": ["I'd like to send back the {item} from {ref}", "how do I return {ref}? the {item} is not what I wanted",
               "the {item} from order {ref} broke, I want to return it"],
}
BY_ITEM = {
    "where": ["hi, my {item} has not arrived yet", "where is my {item}?? ordered ages ago",
              "any update on the {item} I ordered"],
    "cancel": ["can I still cancel the {item}?", "I don't want the {item} anymore, cancel please"],
    "refund": ["did the money for the {item} come back yet?", "whats up with my refund for the {item}"],
    "return": ["I'd like to send back the {item}", "the {item} broke, I want to return it"],
}
FOLLOW = {
    "where": ["ok and when will it get here?", "so is it on the way or not?", "alright"],
    "cancel": ["so what happens now?", "ok so can you do it or not", "hmm ok"],
    "refund": ["when will I see it on my card?", "ok how long", "fine"],
    "return": ["what do I need to do?", "ok", "is there a label?"],
}


def profile(index):
    count = rng.choice([1, 1, 2, 2, 3, 4])
    orders = []
    items = rng.sample(ITEMS, count)
    for position in range(count):
        style = rng.choice(["rd", "rd", "platform", "long"])
        oid, digits = order_id(style)
        status = rng.choice(STATUSES)
        refund = rng.choice(REFUNDS) if status in ("delivered", "returned", "cancelled") else None
        days_ago = rng.randint(2, 40) + position * 7
        item = items[position]
        order = {"id": oid, "status": status, "placed_on": f"2026-{11 - (days_ago // 30):02d}-{28 - days_ago % 27:02d}",
                 "delivery_date": f"2026-12-{rng.randint(1, 9):02d}" if status in ("processing", "shipped", "delayed")
                 else f"2026-11-{rng.randint(1, 28):02d}",
                 "items": [{"name": item.capitalize(), "quantity": 1, "price": rng.randint(12, 240) + 0.99}]}
        if refund:
            order["refund"] = {"amount": order["items"][0]["price"], "status": refund, "requested_on": "2026-11-25"}
        orders.append((order, digits, item))
    name = (rng.choice(FIRST), rng.choice(LAST))
    email = f"{name[0].lower()}.{name[1].lower()}@mail.example"
    return {"id": f"EV-{index:03d}", "first_name": name[0], "last_name": name[1], "email": email,
            "membership": rng.choice(["standard", "silver", "gold"]), "orders": [o for o, _, _ in orders]}, orders


def customer(index):
    prof, orders = profile(index)
    order, digits, item = rng.choice(orders)
    topic = rng.choice(list(OPENERS))
    if topic == "refund" and "refund" not in order:
        topic = "where"
    how = rng.choice(["number", "number", "number", "item"])
    if how == "number":
        ref = named(order, digits)
        opener = rng.choice(OPENERS[topic]).format(item=item, ref=ref).replace("order order ", "order ")
    else:
        opener = rng.choice(BY_ITEM[topic]).format(item=item)
    return {"profile": prof, "order": order["id"], "named_by": how, "topic": topic,
            "messages": [opener, rng.choice(FOLLOW[topic])]}


for index in range(1, 81):
    print(json.dumps(customer(index), ensure_ascii=False))
