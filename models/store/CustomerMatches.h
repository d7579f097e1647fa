#pragma once

#include "domain/Customer.h"

#include <QList>
#include <QMetaType>

// One page of a customer search and how many customers matched in all.
struct CustomerMatches
{
    QList<Customer> customers;
    // How many customers matched, counted up to CustomerSearch::kMaxMatches.
    // Not counted (0) when nothing searchable was typed and the page lists everyone.
    int total = 0;
    // More customers matched than were counted: "1,000+", type more to narrow.
    bool capped = false;
};

Q_DECLARE_METATYPE(CustomerMatches)
