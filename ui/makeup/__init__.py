"""补训: the 待补训 of roll-call classes, their make-up periods and waivers, the 补训通知."""
