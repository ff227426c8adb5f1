#!/usr/bin/env python3
"""Writes queries.jsonl, the grounding DEVELOPMENT set (see README.md).

Deterministic: a fixed seed, python3 standard library only. Run from anywhere:
    python3 Evaluation/grounding-dev/make_queries.py
"""

import datetime as dt
import json
import os
import random

SEED = 20261201
NOW = dt.datetime(2026, 12, 1, 12, 0, 0)
TIME = "2026-12-01T12:00:00Z"
PER_KIND = 200

ORDER_STATES = ["processing", "shipped", "delayed", "delivered", "cancelled", "returned"]
REFUND_STATES = ["none", "requested", "approved", "issued", "rejected"]
REFUNDABLE = ["delivered", "returned", "cancelled"]

# ---------------------------------------------------------------------------
# Candidate frames. Each tuple holds one sentence per state, in the order of
# ORDER_STATES / REFUND_STATES, sharing one frame so that only the state differs.
# Slots: {ref}/{Ref} the order, {day} a coming weekday, {pday} a past weekday,
# {amount} the money.
# ---------------------------------------------------------------------------
ORDER_FRAMES = [
    ("{Ref} is still being prepared at our warehouse.",
     "{Ref} has been shipped and is on its way to you.",
     "{Ref} is delayed and won't arrive on the original date.",
     "{Ref} was delivered on {pday}.",
     "{Ref} has been cancelled, so nothing will be sent.",
     "{Ref} has been returned to us and the return is complete."),
    ("I've checked, and {ref} hasn't left our warehouse yet; it's still being packed.",
     "I've checked, and {ref} has left our warehouse and is with the carrier now.",
     "I've checked, and {ref} is running behind schedule; it's been held up on the way.",
     "I've checked, and {ref} has already been delivered to your address.",
     "I've checked, and {ref} was cancelled, so it won't be shipping at all.",
     "I've checked, and {ref} has already come back to us as a return."),
    ("Still processing: {ref} is being picked and packed and hasn't shipped yet.",
     "Shipped: {ref} is in transit and should reach you by {day}.",
     "Delayed: {ref} missed its delivery date and is now expected {day}.",
     "Delivered: {ref} was dropped off at your address on {pday}.",
     "Cancelled: {ref} was called off before it shipped and won't be sent.",
     "Returned: {ref} made it back to our warehouse and the return is closed."),
    ("Looks like {ref} is still in the packing queue, it hasn't gone out yet.",
     "Looks like {ref} is already out with the courier and heading your way.",
     "Looks like {ref} got held up and is running late, sorry about that.",
     "Looks like {ref} was delivered already, it shows as dropped off {pday}.",
     "Looks like {ref} was cancelled, so it's not going to ship.",
     "Looks like {ref} was sent back to us and we've received the return."),
    ("Thank you for your patience. {Ref} is currently being processed and has not yet been dispatched.",
     "Thank you for your patience. {Ref} has been dispatched and is currently in transit.",
     "Thank you for your patience. {Ref} has unfortunately been delayed and will arrive later than planned.",
     "Thank you for your patience. {Ref} has been delivered and signed for.",
     "Thank you for your patience. {Ref} has been cancelled and will not be dispatched.",
     "Thank you for your patience. {Ref} has been returned and received back at our warehouse."),
    ("{Ref} hasn't shipped yet.",
     "{Ref} is on its way.",
     "{Ref} is running late.",
     "{Ref} was delivered.",
     "{Ref} was cancelled.",
     "{Ref} was returned to us."),
    ("As of this morning, {ref} is still waiting to be packed and shipped.",
     "As of this morning, {ref} is in the carrier's network and moving toward you.",
     "As of this morning, {ref} is behind schedule and won't make its original delivery date.",
     "As of this morning, {ref} shows as delivered; it reached you on {pday}.",
     "As of this morning, {ref} is cancelled and won't go out.",
     "As of this morning, {ref} is back in our warehouse as a completed return."),
    ("Here's where things stand: {ref} is being put together and will ship once it's ready.",
     "Here's where things stand: {ref} shipped and the courier has it now.",
     "Here's where things stand: {ref} has been delayed, and the new estimate is {day}.",
     "Here's where things stand: {ref} was delivered, and the courier marked it as handed over.",
     "Here's where things stand: {ref} was cancelled, so there's nothing on the way.",
     "Here's where things stand: {ref} was returned, and it's arrived back with us."),
    ("You asked about {ref}: it's still with us, waiting to be dispatched.",
     "You asked about {ref}: it's been dispatched and is making its way to you.",
     "You asked about {ref}: it's taking longer than expected and is now late.",
     "You asked about {ref}: it was delivered on {pday}.",
     "You asked about {ref}: it's been cancelled and won't be delivered.",
     "You asked about {ref}: it's been sent back and we've logged the return."),
    ("{Ref} hasn't been handed to the courier yet; our team is still preparing it.",
     "{Ref} isn't with us anymore; the courier picked it up and it's in transit.",
     "{Ref} won't arrive when we first said; it's been delayed along the way.",
     "{Ref} isn't in transit anymore; it was delivered to you on {pday}.",
     "{Ref} won't be shipped at all; it was cancelled.",
     "{Ref} isn't with you anymore; it came back to us and the return has been received."),
    ("Quick update: {ref} is still being packed and hasn't gone anywhere yet.",
     "Quick update: {ref} is on the truck and heading your way.",
     "Quick update: {ref} is stuck behind a delay and running a few days late.",
     "Quick update: {ref} was dropped at your door on {pday}.",
     "Quick update: {ref} got cancelled, so it won't be coming.",
     "Quick update: {ref} has made it back to us as a return."),
    ("I can confirm that {ref} is still in processing; our warehouse team is preparing it and it has not been shipped.",
     "I can confirm that {ref} has shipped; it left our warehouse and the carrier expects to deliver it by {day}.",
     "I can confirm that {ref} is delayed; it did not arrive by its scheduled date and the carrier now expects {day}.",
     "I can confirm that {ref} has been delivered; the carrier recorded the drop-off on {pday}.",
     "I can confirm that {ref} has been cancelled; it was stopped before dispatch and will not be sent.",
     "I can confirm that {ref} has been returned; the parcel reached our returns team and was checked in."),
    ("According to our system, {ref} is in processing and hasn't been dispatched.",
     "According to our system, {ref} is in transit with the courier.",
     "According to our system, {ref} is delayed past its expected delivery date.",
     "According to our system, {ref} was delivered successfully.",
     "According to our system, {ref} was cancelled.",
     "According to our system, {ref} has been returned to the warehouse."),
    ("Just so you know, {ref} is still being prepared and should go out by {day}.",
     "Just so you know, {ref} went out already and should land by {day}.",
     "Just so you know, {ref} is late; the courier now says {day}.",
     "Just so you know, {ref} was delivered back on {pday}.",
     "Just so you know, {ref} was cancelled back on {pday}.",
     "Just so you know, {ref} was returned to us back on {pday}."),
    ("The tracking for {ref} isn't active yet, because it hasn't left our warehouse.",
     "The tracking for {ref} shows it left our warehouse and is moving toward you.",
     "The tracking for {ref} shows it's behind schedule and will be late.",
     "The tracking for {ref} shows it was delivered on {pday}.",
     "There's no tracking for {ref} because the order was cancelled before shipping.",
     "The tracking for {ref} shows it was sent back and received at our returns centre."),
    ("Sorry for the wait! {Ref} is still being processed, so it hasn't shipped.",
     "Sorry for the wait! {Ref} has shipped and is currently in transit.",
     "Sorry for the wait! {Ref} is delayed and will reach you later than planned.",
     "Sorry for the wait! {Ref} has been delivered.",
     "Sorry for the wait! {Ref} has been cancelled.",
     "Sorry for the wait! {Ref} has been returned and we have it back."),
    ("The current status of {ref} is processing: it is being prepared for shipment.",
     "The current status of {ref} is shipped: it is with the carrier and in transit.",
     "The current status of {ref} is delayed: it is behind its scheduled delivery date.",
     "The current status of {ref} is delivered: it reached the delivery address.",
     "The current status of {ref} is cancelled: it will not be shipped.",
     "The current status of {ref} is returned: it has been received back by us."),
    ("Right now {ref} is sitting in our fulfilment queue; it hasn't been sent.",
     "Right now {ref} is somewhere between our warehouse and your door.",
     "Right now {ref} is running late and won't make its original delivery day.",
     "Right now {ref} shows as delivered, so it should be with you.",
     "Right now {ref} shows as cancelled, so it won't be sent to you.",
     "Right now {ref} shows as returned, so it's back in our hands."),
    ("Checked {ref} for you: still processing, not shipped yet.",
     "Checked {ref} for you: shipped and in transit.",
     "Checked {ref} for you: delayed, running behind its delivery date.",
     "Checked {ref} for you: delivered on {pday}.",
     "Checked {ref} for you: cancelled, it won't ship.",
     "Checked {ref} for you: returned and received back."),
    ("Our records show that {ref} is still being assembled and is not yet ready to ship.",
     "Our records show that {ref} was handed over to the delivery company and is en route.",
     "Our records show that {ref} has been delayed and is now past its expected arrival.",
     "Our records show that {ref} was successfully delivered to your address on {pday}.",
     "Our records show that {ref} was cancelled and will not be sent out.",
     "Our records show that {ref} was sent back and has been received by our returns team."),
    ("You won't have tracking for {ref} yet, as it's still being prepared.",
     "You'll have {ref} soon, as it's been shipped and is in transit.",
     "You'll get {ref} later than promised, as it's been delayed.",
     "You should already have {ref}, as it was delivered on {pday}.",
     "You won't receive {ref}, as it's been cancelled.",
     "You're all done with {ref}, as it's been returned to us and received."),
    ("{Ref}: in processing. It hasn't left the building yet.",
     "{Ref}: shipped. The courier has it and it's on the way.",
     "{Ref}: delayed. It's behind schedule and will be late.",
     "{Ref}: delivered. It was handed over on {pday}.",
     "{Ref}: cancelled. Nothing will be shipped.",
     "{Ref}: returned. It's come back to our warehouse."),
    ("I've looked into {ref} for you, and it's still being prepared. It hasn't been handed to a courier, so there's no tracking yet.",
     "I've looked into {ref} for you, and it's already shipped. The courier collected it and it's on its way to your address.",
     "I've looked into {ref} for you, and it's been delayed. It's behind its original delivery date and will arrive later than planned.",
     "I've looked into {ref} for you, and it's been delivered. The courier confirmed the drop-off at your address on {pday}.",
     "I've looked into {ref} for you, and it's been cancelled. It was stopped before it shipped, so nothing is coming.",
     "I've looked into {ref} for you, and it's been returned. It's arrived back at our warehouse and been checked in."),
    ("{Ref} is still at our warehouse; it hasn't been dispatched.",
     "{Ref} is no longer at our warehouse; it was dispatched and is on its way.",
     "{Ref} is no longer on schedule; it's been delayed.",
     "{Ref} is no longer in transit; it was delivered.",
     "{Ref} is no longer active; it was cancelled before dispatch.",
     "{Ref} is back at our warehouse; it was returned to us."),
    ("{Ref} is being packed now and should be dispatched by {day}.",
     "{Ref} was dispatched and the courier is aiming for {day}.",
     "{Ref} has slipped behind schedule; the courier is now aiming for {day}.",
     "{Ref} was delivered {pday}, according to the courier.",
     "{Ref} was cancelled {pday}, so it won't be sent.",
     "{Ref} was returned to us {pday}, and we've received it."),
    ("Hey! {Ref} is still getting packed up and hasn't shipped just yet.",
     "Hey! {Ref} is already on the road to you.",
     "Hey! {Ref} is running behind; it's been delayed a bit.",
     "Hey! {Ref} has been delivered, so it should be at your place.",
     "Hey! {Ref} was cancelled, so it's not on its way.",
     "Hey! {Ref} came back to us and the return's been received."),
    ("Please note that {ref} is still in preparation and has not been shipped.",
     "Please note that {ref} has been shipped and is in transit.",
     "Please note that {ref} has been delayed beyond its estimated delivery date.",
     "Please note that {ref} has been delivered.",
     "Please note that {ref} has been cancelled.",
     "Please note that {ref} has been returned to us."),
    ("The courier hasn't collected {ref} yet; it's still being packed.",
     "The courier collected {ref} and is bringing it to you.",
     "The courier is running late with {ref}; it won't arrive on time.",
     "The courier delivered {ref} on {pday}.",
     "The courier won't be collecting {ref}; it was cancelled.",
     "The courier brought {ref} back to us; the return is in."),
    ("In short: {ref} is still being processed.",
     "In short: {ref} has shipped.",
     "In short: {ref} is delayed.",
     "In short: {ref} was delivered.",
     "In short: {ref} was cancelled.",
     "In short: {ref} was returned."),
    ("Good question! {Ref} is still being prepared and hasn't been sent out.",
     "Good question! {Ref} has been sent out and is on its way.",
     "Good question! {Ref} is delayed and behind its expected date.",
     "Good question! {Ref} was delivered to you already.",
     "Good question! {Ref} has been cancelled, so it won't be sent out.",
     "Good question! {Ref} has been returned and is back with us."),
]

REFUND_FRAMES = [
    ("There's no refund on {ref}; a refund hasn't been requested for it.",
     "There's a refund request on {ref}, and it's still waiting for review.",
     "There's a refund on {ref}, and it's been approved but not paid out yet.",
     "There's a refund on {ref}, and it's already been paid back to you.",
     "There was a refund request on {ref}, but it was declined."),
    ("I've checked {ref}: no refund has been opened for it so far.",
     "I've checked {ref}: your refund request came through and is pending review.",
     "I've checked {ref}: your refund of {amount} has been approved and will be sent soon.",
     "I've checked {ref}: your refund of {amount} has been issued to your original payment method.",
     "I've checked {ref}: your refund request was reviewed and rejected."),
    ("No refund on file: nobody has requested a refund for {ref}.",
     "Refund requested: we've logged your request for {ref} and it's awaiting a decision.",
     "Refund approved: the {amount} for {ref} is approved and queued for payment.",
     "Refund issued: the {amount} for {ref} has been sent back to you.",
     "Refund rejected: the request for {ref} was turned down."),
    ("Thank you for waiting. Our records show no refund request for {ref}.",
     "Thank you for waiting. Our records show a refund request for {ref} that is still under review.",
     "Thank you for waiting. Our records show the refund for {ref} has been approved and is awaiting payment.",
     "Thank you for waiting. Our records show the refund for {ref} has been paid out in full.",
     "Thank you for waiting. Our records show the refund request for {ref} was declined."),
    ("No refund has been requested for {ref}.",
     "Your refund request for {ref} is pending.",
     "Your refund for {ref} has been approved.",
     "Your refund for {ref} has been issued.",
     "Your refund request for {ref} was declined."),
    ("Looks like there's no refund on {ref} at all, nothing was ever requested.",
     "Looks like your refund request for {ref} is in, it just hasn't been looked at yet.",
     "Looks like your refund for {ref} got the green light, the money just hasn't gone out yet.",
     "Looks like your refund for {ref} already went out, it's been paid back to your card.",
     "Looks like your refund request for {ref} was turned down, unfortunately."),
    ("You haven't asked for money back on {ref} yet, so there's no refund open.",
     "You've asked for your money back on {ref}, and that request is still being reviewed.",
     "Your money back on {ref} is approved; we just haven't sent the payment yet.",
     "Your money back on {ref} has been sent: {amount} went to your original payment method on {pday}.",
     "Your money back on {ref} was refused; the request didn't qualify for a refund."),
    ("The refund status for {ref} is none: no refund exists for this order.",
     "The refund status for {ref} is requested: we've received the request but not decided yet.",
     "The refund status for {ref} is approved: the refund is confirmed and awaiting payout.",
     "The refund status for {ref} is issued: the money has been sent back to you.",
     "The refund status for {ref} is rejected: the request was declined."),
    ("I can't see any refund request on {ref}.",
     "I can see your refund request on {ref}; it hasn't been reviewed yet.",
     "I can see your refund on {ref} was approved; payment hasn't gone out yet.",
     "I can see your refund on {ref} was paid on {pday}.",
     "I can see your refund request on {ref} was denied."),
    ("Here's where things stand with {ref}: no refund has ever been raised.",
     "Here's where things stand with {ref}: the refund was requested and is with our team for review.",
     "Here's where things stand with {ref}: the refund was approved and the {amount} will be sent by {day}.",
     "Here's where things stand with {ref}: the refund was processed and the {amount} has already been sent.",
     "Here's where things stand with {ref}: the refund was looked at and rejected."),
    ("Quick update: {ref} doesn't have a refund open, nothing's been requested.",
     "Quick update: the refund you requested for {ref} is still in the queue for review.",
     "Quick update: the refund for {ref} is approved, the payment just needs to go out.",
     "Quick update: the refund for {ref} is done, the {amount} has been paid back.",
     "Quick update: the refund for {ref} was denied, so no money will be sent."),
    ("I can confirm that no refund has been requested or opened for {ref}.",
     "I can confirm that a refund has been requested for {ref} and is awaiting approval.",
     "I can confirm that the refund for {ref} has been approved and will be paid shortly.",
     "I can confirm that the refund for {ref} has been paid to your account.",
     "I can confirm that the refund for {ref} has been rejected and will not be paid."),
    ("According to our system, there's no refund attached to {ref}.",
     "According to our system, a refund for {ref} was requested and is still pending.",
     "According to our system, the refund for {ref} is approved but not yet paid.",
     "According to our system, the refund for {ref} has been paid out.",
     "According to our system, the refund for {ref} was rejected."),
    ("There's no refund on {ref}; none was ever requested.",
     "The {amount} refund you asked for on {ref} is still waiting for review.",
     "The {amount} refund on {ref} has been approved and is scheduled to be paid.",
     "The {amount} refund on {ref} has been paid back to your card.",
     "The {amount} refund you asked for on {ref} was declined."),
    ("A refund for {ref} hasn't been requested, so nothing is being processed.",
     "The refund for {ref} hasn't been approved yet; the request is still open.",
     "The refund for {ref} hasn't been paid yet, but it has been approved.",
     "The refund for {ref} isn't pending anymore; it's been paid out.",
     "The refund for {ref} won't be paid; the request was rejected."),
    ("Sorry for the wait! There's no refund request on {ref}.",
     "Sorry for the wait! Your refund request on {ref} is still under review.",
     "Sorry for the wait! Your refund on {ref} is approved and will be sent soon.",
     "Sorry for the wait! Your refund on {ref} has been sent.",
     "Sorry for the wait! Your refund request on {ref} was declined."),
    ("Just so you know, we've never received a refund request for {ref}.",
     "Just so you know, we received your refund request for {ref} on {pday} and it's under review.",
     "Just so you know, the refund for {ref} was approved on {pday}; payment will follow.",
     "Just so you know, the refund for {ref} was paid on {pday}.",
     "Just so you know, the refund request for {ref} was rejected on {pday}."),
    ("Right now there's no refund in progress for {ref}, because none was requested.",
     "Right now the refund for {ref} is pending: it's been requested but not decided.",
     "Right now the refund for {ref} is approved and waiting to be paid out.",
     "Right now the refund for {ref} is complete: the money has been returned to you.",
     "Right now the refund for {ref} is closed as rejected."),
    ("Checked {ref} for you: no refund requested.",
     "Checked {ref} for you: refund requested, waiting on review.",
     "Checked {ref} for you: refund approved, payment not sent yet.",
     "Checked {ref} for you: refund issued, money sent back.",
     "Checked {ref} for you: refund rejected."),
    ("Having reviewed {ref}, I can see that no refund has been requested, so there is currently no refund to process.",
     "Having reviewed {ref}, I can see that a refund has been requested and is awaiting review by our refunds team.",
     "Having reviewed {ref}, I can see that the refund has been approved and the {amount} will be released to you by {day}.",
     "Having reviewed {ref}, I can see that the refund has been issued and the {amount} was returned to your original payment method.",
     "Having reviewed {ref}, I can see that the refund request was rejected and no money will be returned."),
    ("You won't see any refund for {ref}, as no refund was ever requested.",
     "You'll hear back about the refund for {ref} soon, as your request is still being reviewed.",
     "You'll get the refund for {ref} soon, as it's approved and the payment is being prepared.",
     "You should already have the refund for {ref}, as the payment was sent to you.",
     "You won't be receiving the refund for {ref}, as the request was declined."),
    ("Refund for {ref}: none. No request was ever made.",
     "Refund for {ref}: requested. It's awaiting review.",
     "Refund for {ref}: approved. Payment hasn't been sent yet.",
     "Refund for {ref}: issued. The money has been sent back.",
     "Refund for {ref}: rejected. The request was declined."),
    ("Hey! There's actually no refund open on {ref}, nothing's been requested.",
     "Hey! Your refund request on {ref} is in, just waiting for someone to review it.",
     "Hey! Your refund on {ref} got approved, the money goes out next.",
     "Hey! Your refund on {ref} already went out, the money's been sent back.",
     "Hey! Your refund request on {ref} was declined, I'm afraid."),
    ("Please note that no refund request exists for {ref}.",
     "Please note that the refund request for {ref} is pending review.",
     "Please note that the refund for {ref} has been approved and will be paid shortly.",
     "Please note that the refund for {ref} has been issued.",
     "Please note that the refund request for {ref} has been rejected."),
    ("Our refunds team has nothing on file for {ref}; no refund was ever requested.",
     "Our refunds team has your request for {ref} and hasn't made a decision yet.",
     "Our refunds team has approved the refund for {ref}; the payment is being set up.",
     "Our refunds team has paid the refund for {ref}; it was sent on {pday}.",
     "Our refunds team has declined the refund for {ref}."),
    ("In short: no refund has been requested for {ref}.",
     "In short: the refund for {ref} is requested and pending.",
     "In short: the refund for {ref} is approved.",
     "In short: the refund for {ref} has been paid.",
     "In short: the refund for {ref} was rejected."),
    ("Good question! There isn't a refund for {ref}, as none was requested.",
     "Good question! The refund for {ref} has been requested and is waiting for approval.",
     "Good question! The refund for {ref} has been approved and should reach you by {day}.",
     "Good question! The refund for {ref} has been paid and was sent on {pday}.",
     "Good question! The refund for {ref} was refused after review."),
    ("Nothing will show up from us on your statement for {ref}: there's no refund request on it.",
     "Nothing will show up on your statement for {ref} until your pending refund request is reviewed.",
     "Nothing has reached your statement for {ref} yet, but the refund is approved and will be paid.",
     "The refund for {ref} should show on your statement, as we've already sent the {amount}.",
     "Nothing will show up on your statement for {ref}: the refund request was declined."),
    ("As of today, {ref} has no refund request on it.",
     "As of today, the refund for {ref} is requested and not yet reviewed.",
     "As of today, the refund for {ref} is approved and waiting for payout.",
     "As of today, the refund for {ref} has been paid out to you.",
     "As of today, the refund for {ref} has been rejected."),
    ("We haven't received any refund request for {ref}.",
     "We've received your refund request for {ref} and haven't reviewed it yet.",
     "We've approved your refund for {ref} and will send the {amount} by {day}.",
     "We've sent your refund of {amount} for {ref}.",
     "We've reviewed your refund request for {ref} and declined it."),
]

GREETINGS = ["Hi {name}! ", "Hello {name}. ", "Thanks, {name}. ", "Hi there! "]
CLOSINGS = [" Is there anything else I can help with?", " Let me know if you need anything else.",
            " Happy to help with anything else.", " Anything else I can check for you?"]

# ---------------------------------------------------------------------------
# Customer side. {np} is the customer's noun phrase for the order.
# ---------------------------------------------------------------------------
ASK_WHERE = [
    "where is {np}?", "hi, where's {np}", "Hello, could you tell me where {np} is at the moment?",
    "any update on {np}?", "Hi there. I'm trying to find out what's happening with {np}.",
    "whats the status of {np}", "I'd like to know the status of {np}, please.",
    "can u check {np} for me", "Hey, just wondering where {np} is. Thanks!",
    "I have been waiting for {np} for ages, what is going on?",
    "tracking for {np} hasnt updated, is it moving at all",
    "Could you please check on {np}? I haven't heard anything.",
    "hello i need an update on {np} asap", "where is {np}, its been days",
    "Good morning, I was hoping to get a status update on {np}.", "what happend with {np}?",
    "wheres {np}??", "Can you look up {np}? I'm not sure where it is.",
    "I'm getting a bit worried about {np}. Where is it?",
    "Hi! Quick question about {np} - where is it right now?",
    "ok this is the third time im asking. WHERE is {np}",
    "Sorry to bother you, could you see what's going on with {np}?",
]
ASK_WHEN = [
    "when will {np} arrive?", "when is {np} going to get here", "Hi, do you know when I can expect {np}?",
    "whens {np} coming", "Any idea when {np} will be delivered? I need it by the weekend.",
    "I need {np} before next week, will it get here in time?",
    "hello, is {np} arriving soon or what", "Could you give me an ETA for {np}?",
    "how long until {np} shows up", "Just checking when {np} should arrive. Thank you!",
    "when can i expect {np} to be delivered, roughly?", "is {np} still coming this week?",
    "Hello! Roughly when should {np} turn up?", "eta on {np}??",
]
ASK_CANCEL = [
    "can i still cancel {np}?", "Hi, I'd like to cancel {np} if it's not too late.", "pls cancel {np}",
    "Is it possible to cancel {np}? I ordered the wrong size.",
    "I changed my mind about {np}, can it be cancelled?", "cancel {np} please, dont need it anymore",
    "Hello, I want to cancel {np}. Has it gone out already?", "is it too late to cancel {np}",
    "Can you stop {np} from being sent?", "I need to cancel {np} - is that still possible?",
    "hey can {np} be cancelled or is it too late", "Found it cheaper elsewhere. Can I cancel {np}?",
]
ASK_REFUND = [
    "where is my refund for {np}?", "hi, i still havent received my money back for {np}",
    "Hello, could you check the refund status for {np}?", "what's happening with the refund on {np}",
    "I'm waiting on a refund for {np}. Any news?", "did my refund for {np} go through?",
    "when do i get my money back for {np}??", "Hi there, I'd like an update on my refund for {np}, please.",
    "has the refund for {np} been sent yet", "It's been weeks. Where is my money for {np}?",
    "can you tell me if {np} has been refunded", "Hey, was I refunded for {np}?",
    "I asked for a refund on {np} and heard nothing back. What's the status?",
    "i want to know about the refund for {np}",
    "Good afternoon, could you confirm whether a refund has been processed for {np}?",
    "refund for {np}?", "Money back for {np} - when?", "why havent i got my refund for {np} yet",
    "Could you look into the refund on {np}? I can't see it on my card.",
    "hi!! any news on my refund for {np}", "Is my refund for {np} approved?",
    "status of refund on {np} pls", "I'd like my money back for {np}. Where are we with that?",
    "honestly getting fed up. refund for {np}, where is it",
]
OPEN_ORDER = {
    "where": ["where is my order?", "hi i ordered something and it still hasnt come",
              "Hello, I'm checking on my order.", "my order?? where is it",
              "Hi, I'd like an update on a delivery.", "wheres my package"],
    "when": ["when will my stuff arrive", "Hi, when is my order getting here?",
             "hello, roughly when will my delivery come?", "whens my parcel coming"],
    "cancel": ["I want to cancel my order", "can i cancel", "Hi, is it still possible to cancel an order?",
               "hello i need to cancel something i ordered"],
}
OPEN_REFUND = ["where is my refund?", "i want my money back", "hi, I'm checking on a refund",
               "Hello, I have a question about a refund.", "has my refund been processed?",
               "still no refund on my card", "when will i get my money back"]
OPEN_GENERIC = ["hi", "Hello, I need some help please.", "hi, quick question about an order",
                "Hello, I need help with an order I placed.", "hey there", "Good evening."]
GIVE_REF = ["it's {v}", "{np}", "order number is {v}", "sure, its {v}", "It's {np}.", "{v} thanks",
            "the number is {v}", "ok it's {v}", "{v}"]
GIVE_ITEM = ["the {nick} one", "the one with the {nick}", "the {nick}", "It's the {nick}.",
             "the order with my {nick} in it", "{nick}"]
GIVE_ONLY = ["I've only got the one order", "there's only one, i think", "my only order with you",
             "it's the only one on my account"]
FOLLOW_UP = ["ok", "still there?", "hello?", "any news?", "thanks, take your time", "so whats happening with it",
             "ok thanks", "great, thank you", "sure", "k"]

AGENT_GREET = ["Hi, thanks for contacting us. How can I help?", "Hello! What can I do for you today?",
               "Hi there, how can I help you?"]
AGENT_ASK = ["Happy to help. Which order is this about?", "Sure thing. Could you give me the order number?",
             "Of course. Can you tell me which order you mean?",
             "I can check that. What's the order number, or the item you ordered?",
             "Thanks for reaching out. Which order should I look at?"]
AGENT_ACK = ["Thanks, let me look that up.", "One moment while I check.", "Got it, checking now.",
             "Thank you. Give me a second to pull up the details.", "Let me take a look for you.",
             "Thanks for the details, I'm checking now."]
AGENT_ACCOUNT = ["Sure, let me pull up your account.", "Of course, one moment while I check your account.",
                 "Happy to look into that. Checking your account now."]

# ---------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------
ITEMS = [  # (catalogue name, what a customer calls it, price low, price high)
    ("Walnut Desk Lamp", "desk lamp", 39, 89), ("Ceramic Pour-Over Kettle", "kettle", 24, 59),
    ("Trail Running Jacket", "running jacket", 79, 149), ("Merino Wool Beanie", "beanie", 18, 35),
    ("Bamboo Cutting Board", "cutting board", 15, 40), ("Cast Iron Skillet 10in", "skillet", 29, 65),
    ("Linen Duvet Cover, Queen", "duvet cover", 69, 139), ("Ergonomic Office Chair", "office chair", 189, 399),
    ("Insulated Water Bottle 750ml", "water bottle", 19, 39), ("Wireless Keyboard K2", "keyboard", 45, 119),
    ("Cork Yoga Mat", "yoga mat", 35, 79), ("Leather Weekender Bag", "weekender bag", 149, 289),
    ("Burr Coffee Grinder", "coffee grinder", 59, 179), ("Kids' Balance Bike", "balance bike", 69, 129),
    ("Monitor Arm, Single", "monitor arm", 49, 99), ("Smart Thermostat T5", "thermostat", 99, 199),
    ("Hardcover Cookbook: Slow Sundays", "cookbook", 22, 38), ("Robot Vacuum S3", "robot vacuum", 199, 449),
    ("Sonic Electric Toothbrush", "toothbrush", 39, 99), ("Oak Bookshelf, 5 Shelves", "bookshelf", 129, 249),
    ("Two-Burner Camping Stove", "camping stove", 49, 109), ("Hiking Backpack 40L", "backpack", 89, 169),
    ("Bluetooth Speaker Mini", "speaker", 29, 89), ("Clear Phone Case", "phone case", 12, 29),
    ("Wool Throw Blanket", "throw blanket", 49, 99), ("Air Fryer 5L", "air fryer", 79, 159),
    ("Automatic Field Watch", "watch", 149, 349), ("Graphics Drawing Tablet", "drawing tablet", 59, 199),
    ("Cordless Drill 18V", "drill", 69, 159), ("Expandable Garden Hose 30m", "garden hose", 25, 55),
    ("Down Winter Parka", "parka", 159, 329), ("Silk Square Scarf", "scarf", 39, 89),
    ("Road Bike Helmet", "bike helmet", 49, 129), ("Countertop Blender", "blender", 49, 139),
    ("Tilt-Head Stand Mixer", "stand mixer", 229, 429), ("Compact Sewing Machine", "sewing machine", 119, 259),
    ("Board Game: Harbor Lights", "board game", 29, 59), ("Acoustic Guitar, Spruce Top", "guitar", 149, 399),
    ("Folding Electric Scooter", "scooter", 299, 599), ("Quiet Dehumidifier 12L", "dehumidifier", 129, 229),
    ("Carbon Kayak Paddle", "kayak paddle", 89, 189), ("Two-Person Tent", "tent", 99, 249),
    ("Electric Pressure Cooker", "pressure cooker", 69, 149), ("Ionic Hair Dryer", "hair dryer", 39, 119),
    ("LED Ring Light 18in", "ring light", 35, 89), ("Jute Area Rug 160x230", "jute rug", 89, 199),
    ("Coir Doormat", "doormat", 19, 39), ("Oak Wall Clock", "wall clock", 29, 79),
    ("Fountain Pen, Medium Nib", "fountain pen", 25, 129), ("Orthopedic Dog Bed, Large", "dog bed", 59, 139),
    ("Cat Tree Tower", "cat tree", 69, 159), ("Convertible Car Seat", "car seat", 149, 299),
]
FILLER_ITEMS = [("Gift Wrap", 4, 8), ("AA Batteries, 8-pack", 6, 12), ("Replacement Filter", 9, 19),
                ("Microfibre Cloth Set", 7, 14), ("Extended Warranty, 2 years", 15, 45)]
FIRST = ["Maya", "Jonas", "Priya", "Tomás", "Aisha", "Liam", "Chen", "Sofia", "Kwame", "Elena", "Ravi",
         "Hannah", "Mateo", "Yuki", "Olivia", "Farid", "Grace", "Noah", "Ines", "Dmitri", "Zara", "Owen",
         "Leila", "Marcus", "Freya", "Arjun", "Nadia", "Ben", "Camille", "Tariq"]
LAST = ["Okafor", "Lindqvist", "Raman", "Herrera", "Bello", "Murphy", "Wei", "Rossi", "Mensah", "Petrova",
        "Iyer", "Schmidt", "Alvarez", "Tanaka", "Brooks", "Haddad", "Kim", "Fischer", "Costa", "Volkov",
        "Ahmed", "Price", "Nasser", "Reid", "Larsen", "Kapoor", "Novak", "Walsh", "Dubois", "Rahman"]
CURRENCIES = [("USD", "${:.2f}"), ("EUR", "€{:.2f}"), ("GBP", "£{:.2f}")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_id(rng, used):
    """An order id in one of four platform forms, unique across the set."""
    while True:
        form = rng.randrange(4)
        if form == 0:
            oid = "%s-%05d" % (rng.choice("ABCDEFGHKMNPRSTW"), rng.randrange(10000, 100000))
        elif form == 1:
            oid = "%04d-%04d" % (rng.randrange(1000, 10000), rng.randrange(10000))
        elif form == 2:
            oid = "%08d" % rng.randrange(10000000, 100000000)
        else:
            letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
            oid = "%s%s%04d" % (rng.choice(letters), rng.choice(letters), rng.randrange(1000, 10000))
        if oid not in used:
            used.add(oid)
            return oid


def id_variants(oid):
    """The ways a customer writes an order id (the canonical form first)."""
    out = [oid, "#" + oid]
    if "-" in oid:
        bare = oid.replace("-", "")
        out += [bare, bare.lower(), oid.lower(), oid.replace("-", " ")]
    elif oid[:2].isalpha():
        out += [oid.lower(), oid[:2] + " " + oid[2:], "#" + oid.lower()]
    return out


def day(offset):
    return (NOW + dt.timedelta(days=offset)).date()


def stamp(date, rng):
    return "%sT%02d:%02d:00Z" % (date.isoformat(), rng.randrange(7, 23), rng.randrange(60))


def order_dates(rng, status, refund_state, truth):
    """placed_on, delivery_date and the refund's requested_on, consistent with the status."""
    requested = None
    if refund_state != "none":
        back = {"requested": (1, 6), "approved": (3, 12), "issued": (5, 25), "rejected": (3, 20)}[refund_state]
        requested = day(-rng.randint(*back))
    if status == "processing":
        placed = day(-rng.randint(0, 3))
        delivery = day(rng.randint(2, 9))
    elif status == "shipped":
        placed = day(-rng.randint(2, 8))
        delivery = day(rng.randint(1, 6))
    elif status == "delayed":
        delivery = day(-rng.randint(1, 6))
        placed = delivery - dt.timedelta(days=rng.randint(3, 9))
    elif status == "cancelled":
        anchor = requested or day(-rng.randint(1, 20))
        placed = anchor - dt.timedelta(days=rng.randint(0, 4))
        delivery = placed + dt.timedelta(days=rng.randint(4, 8))
    else:  # delivered or returned: delivery in the past, before any refund request
        if requested is not None:
            delivery = requested - dt.timedelta(days=rng.randint(0 if status == "delivered" else 1, 10))
        elif status == "delivered" and truth:
            delivery = day(-rng.randint(1, 6))
        else:
            delivery = day(-rng.randint(2, 30))
        placed = delivery - dt.timedelta(days=rng.randint(2, 7))
    return placed, delivery, requested


def make_order(rng, oid, status, refund_state, items, truth):
    placed, delivery, requested = order_dates(rng, status, refund_state, truth)
    lines = []
    for name, _, low, high in items:
        qty = 1 if rng.random() < 0.8 else 2
        lines.append({"name": name, "quantity": qty, "price": round(rng.uniform(low, high)) - 0.01})
    if rng.random() < 0.2:
        name, low, high = rng.choice(FILLER_ITEMS)
        lines.append({"name": name, "quantity": 1, "price": round(rng.uniform(low, high)) - 0.01})
    order = {"id": oid, "status": status, "placed_on": stamp(placed, rng),
             "delivery_date": delivery.isoformat(), "items": lines}
    if status in ("shipped", "delayed", "delivered", "returned") and rng.random() < 0.6:
        order["tracking_number"] = "1Z%06d%04d" % (rng.randrange(10 ** 6), rng.randrange(10 ** 4))
    total = round(sum(line["price"] * line["quantity"] for line in lines), 2)
    if refund_state != "none":
        first = lines[0]
        amount = total if rng.random() < 0.6 else round(first["price"] * first["quantity"], 2)
        order["refund"] = {"amount": amount, "status": refund_state, "requested_on": requested.isoformat()}
    return order, total, delivery, requested


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------
def cap(text):
    return text[:1].upper() + text[1:]


def typo(rng, template):
    """Swaps two letters inside one longer plain word (never inside a slot)."""
    words = template.split(" ")
    spots = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not spots:
        return template
    i = rng.choice(spots)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def roughen(rng, template):
    """Customer habits: a letter swap, no apostrophes, no final stop, all lower case."""
    if rng.random() < 0.12:
        template = typo(rng, template)
    if rng.random() < 0.15:
        template = template.replace("'", "")
    if rng.random() < 0.2 and template[-1:] in ".!":
        template = template[:-1]
    if rng.random() < 0.2:
        template = template.lower()
    return template


def customer_np(rng, mode, order_id, nick):
    if mode == "id":
        v = rng.choice(id_variants(order_id))
        bare = order_id if rng.random() < 0.7 else order_id.replace("-", "")
        return rng.choice(["order %s" % v, "my order %s" % v, "order number %s" % v, "order no %s" % v,
                           "order #%s" % bare, "my order (#%s)" % bare, "#%s" % bare]), v
    if mode == "item":
        return rng.choice(["my %s", "the %s", "the %s I ordered", "my %s order", "the order with the %s",
                           "the %s i bought"]) % nick, nick
    return rng.choice(["my order", "my package", "my parcel", "the order", "my delivery"]), None


def customer_turns(rng, kind, intent, mode, order_id, nick):
    """1-3 customer messages; the order is named (unless it is the only one) and the intent asked."""
    asks = {"where": ASK_WHERE, "when": ASK_WHEN, "cancel": ASK_CANCEL, "refund": ASK_REFUND}[intent]
    np, v = customer_np(rng, mode, order_id, nick)
    full = lambda: roughen(rng, rng.choice(asks)).replace("{np}", np)
    opener = OPEN_REFUND if kind == "refund_status" else OPEN_ORDER[intent]
    shape = rng.choices(["one", "generic", "ask_ref", "ask_ref_follow"], [4, 2, 3, 2])[0]
    if shape == "one":
        return [full()], []
    if shape == "generic":
        turns, agents = [roughen(rng, rng.choice(OPEN_GENERIC)), full()], [rng.choice(AGENT_GREET)]
    else:
        turns = [roughen(rng, rng.choice(opener))]
        if mode == "none":
            if rng.random() < 0.5:
                agents = [rng.choice(AGENT_ASK)]
                turns.append(roughen(rng, rng.choice(GIVE_ONLY)))
            else:
                agents = [rng.choice(AGENT_ACCOUNT)]
                turns.append(full())
        else:
            agents = [rng.choice(AGENT_ASK)]
            pool = GIVE_REF if mode == "id" else GIVE_ITEM
            given = roughen(rng, rng.choice(pool))
            turns.append(given.replace("{v}", v or "").replace("{np}", np).replace("{nick}", nick or ""))
    if shape == "ask_ref_follow" or (shape == "generic" and rng.random() < 0.3):
        agents.append(rng.choice(AGENT_ACK))
        turns.append(roughen(rng, rng.choice(FOLLOW_UP)))
    return turns, agents


def context(turns, agents):
    out = []
    for i, text in enumerate(turns):
        out.append({"speaker": "customer", "text": text})
        if i < len(agents):
            out.append({"speaker": "agent", "text": agents[i]})
    return out


def reply_ref(rng, kind, mode, order_id, nick, n_orders):
    """How the replies name the order: by id, by item, or (one-order profiles) 'your order'."""
    if mode == "none":
        choice = rng.choices(["generic", "id", "item"], [5, 3, 2])[0]
    elif mode == "item":
        choice = rng.choices(["item", "id"], [6, 4])[0]
    else:
        choice = rng.choices(["id", "generic"], [9, 1 if n_orders == 1 else 0])[0]
    if choice == "id":
        return rng.choice(["your order %s", "order %s", "order #%s", "your order #%s"]) % order_id
    if choice == "item":
        return rng.choice(["your order with the %s", "the %s order", "your %s order"]) % nick
    return "your order"


def weekday(date):
    return WEEKDAYS[date.weekday()]


def near_days(rng, future_date=None, past_date=None):
    """{day} (coming) and {pday} (past) weekdays; the true order's date when it is within a week."""
    today = NOW.date()
    fut = weekday(today + dt.timedelta(days=rng.randint(1, 6)))
    past = weekday(today - dt.timedelta(days=rng.randint(1, 6)))
    if future_date and 1 <= (future_date - today).days <= 6:
        fut = weekday(future_date)
    if past_date and 1 <= (today - past_date).days <= 6:
        past = weekday(past_date)
    return fut, past


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------
def profile_for(rng, used_ids, customer_orders, currency):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return {"id": "C-%05d" % rng.randrange(10000, 100000), "first_name": first, "last_name": last,
            "email": "%s.%s@example.com" % (first.lower().replace("á", "a"), last.lower()),
            "membership": rng.choice(["standard", "standard", "silver", "gold", "guest"]),
            "currency": currency, "orders": customer_orders}


def other_refund_states(rng, kind, true_refund, n):
    """Refund states of the other orders (different from the true one in refund queries)."""
    if kind != "refund_status":
        return [rng.choice(["none", "none", "none", "issued", "approved", "requested"]) for _ in range(n)]
    pool = [s for s in REFUND_STATES if s != true_refund]
    return [rng.choice(pool) for _ in range(n)]


def plan_orders(rng, kind, state, n_orders):
    """(status, refund state) for the order in question, then for each other order."""
    if kind == "order_status":
        true = (state, "none")
        if state in REFUNDABLE and rng.random() < 0.3:
            true = (state, rng.choice(["requested", "approved", "issued"]))
        statuses = rng.sample([s for s in ORDER_STATES if s != state], n_orders - 1)
    else:
        weights = {"none": [8, 0, 2], "requested": [35, 50, 15], "approved": [25, 50, 25],
                   "issued": [25, 45, 30], "rejected": [55, 45, 0]}[state]
        true = (rng.choices(REFUNDABLE, weights)[0], state)
        statuses = [rng.choice(ORDER_STATES) for _ in range(n_orders - 1)]
    others = []
    for status, refund in zip(statuses, other_refund_states(rng, kind, true[1], n_orders - 1)):
        if refund != "none" and status not in REFUNDABLE:
            if kind == "order_status":
                refund = "none"
            else:
                status = rng.choice(REFUNDABLE)
        others.append((status, refund))
    return true, others


def build_query(rng, kind, state, frame, used_ids, seen):
    states = ORDER_STATES if kind == "order_status" else REFUND_STATES
    mode = rng.choices(["id", "item", "none"], [45, 30, 25])[0]
    n_orders = 1 if mode == "none" else rng.choices([1, 2, 3, 4], [2, 3, 3, 2])[0]
    true, others = plan_orders(rng, kind, state, n_orders)
    picked = rng.sample(ITEMS, n_orders + 3)
    currency, money = rng.choice(CURRENCIES)
    orders, info = [], None
    for k, (status, refund) in enumerate([true] + others):
        items = [picked[k]] + ([picked[n_orders + k]] if k < 3 and rng.random() < 0.3 else [])
        oid = make_id(rng, used_ids)
        order, total, delivery, requested = make_order(rng, oid, status, refund, items, k == 0)
        orders.append(order)
        if k == 0:
            info = (oid, picked[0][1], total, delivery, requested, order)
    oid, nick, total, delivery, requested, true_order = info
    rng.shuffle(orders)
    intent = "refund" if kind == "refund_status" else rng.choices(["where", "when", "cancel"], [5, 3, 2])[0]
    turns, agents = customer_turns(rng, kind, intent, mode, oid, nick)
    ref = reply_ref(rng, kind, mode, oid, nick, n_orders)
    amount = true_order["refund"]["amount"] if "refund" in true_order else total
    if kind == "order_status":
        future = delivery if state in ("processing", "shipped") else None
        past = delivery if state == "delivered" else None
    else:
        future, past = None, (requested if state == "requested" else None)
    fut, pday = near_days(rng, future, past)
    profile = profile_for(rng, used_ids, orders, currency)
    greet = rng.choice(GREETINGS).format(name=profile["first_name"]) if rng.random() < 0.3 else ""
    close = rng.choice(CLOSINGS) if rng.random() < 0.25 else ""
    texts = [greet + t.format(ref=ref, Ref=cap(ref), day=fut, pday=pday, amount=money.format(amount)) + close
             for t in frame]
    order = list(range(len(states)))
    rng.shuffle(order)
    candidates = [texts[i] for i in order]
    signature = tuple(sorted(candidates))
    if signature in seen:
        return None
    seen.add(signature)
    return {"kind": kind, "order_id": oid, "context": context(turns, agents), "profile": profile,
            "time": TIME, "candidates": candidates, "states": [states[i] for i in order],
            "answer": order.index(states.index(state))}


def queries_of(rng, kind, used_ids, seen):
    states = ORDER_STATES if kind == "order_status" else REFUND_STATES
    frames = ORDER_FRAMES if kind == "order_status" else REFUND_FRAMES
    wanted = [states[i % len(states)] for i in range(PER_KIND)]
    rng.shuffle(wanted)
    deck = []
    out = []
    for state in wanted:
        if not deck:
            deck = list(frames)
            rng.shuffle(deck)
        frame = deck.pop()
        query = None
        while query is None:
            query = build_query(rng, kind, state, frame, used_ids, seen)
        out.append(query)
    return out


def main():
    rng = random.Random(SEED)
    used_ids, seen = set(), set()
    queries = queries_of(rng, "order_status", used_ids, seen) + queries_of(rng, "refund_status", used_ids, seen)
    rng.shuffle(queries)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for n, query in enumerate(queries):
            line = {"id": "dev-%03d" % n}
            line.update(query)
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    print("wrote %d queries to %s" % (len(queries), path))


if __name__ == "__main__":
    main()
