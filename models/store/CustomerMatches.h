#pragma once

#include "domain/Customer.h"

#include <QList>
#include <QMetaType>

// One page of a customer search and how many customers matched in all.
struct CustomerMatches
{
    QList<Customer> customers;
    // How many customers matched, as far as they were counted: to the end of
    // the page asked for, or to CustomerSearch::kMaxMatches when counting.
    // Not counted (0) when nothing searchable was typed and the page lists everyone.
    int total = 0;
    // More customers matched than total: "200+", or "1,000+" once counted.
    bool capped = false;
};

Q_DECLARE_METATYPE(CustomerMatches)
