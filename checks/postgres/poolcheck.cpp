#include "poolcheck.h"
