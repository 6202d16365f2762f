#include "doctorcli.h"
